//! `cargo xtask dist`: `dist/`, a copy of the built `www/` for any static
//! host, and `dist/sepal-playground.html`, the whole playground in one file
//! that works when opened from disk.
//!
//! Browsers load no ES modules from `file://`, so the single file cannot
//! keep `<script type="module" src>` and relative imports. Instead a small
//! bundler inlines the local module graph into one inline module script,
//! and the wasm travels as base64 in `globalThis.SEPAL_WASM_BASE64`, which
//! the page's JS decodes and hands to wasm-bindgen's `init`.
//!
//! # What the bundler understands
//!
//! It tokenizes just enough JavaScript (strings, template literals, comments,
//! regular expressions, bracket depth) to find the module-level `import` and
//! `export` statements, and supports these forms:
//!
//! - `import { a, b as c } from "./x.js";`, `import * as ns from "./x.js";`,
//!   `import init, { a } from "./x.js";`, `import init from "./x.js";`,
//!   `import "./x.js";`
//! - `export function f`, `export async function f`, `export class C`,
//!   `export const|let|var x = ...` (one declarator, no destructuring),
//!   `export { a, b as c }`, `export default ...`
//!
//! Each module becomes an async function scope run once, in dependency
//! order, that returns its exports as getters. Its limits, each an error
//! rather than a broken page unless noted:
//!
//! - only relative specifiers inside `www/`; no bare (npm) or URL imports;
//! - no re-exports (`export ... from`), no import cycles;
//! - imported bindings are copied when the importing module starts, so a
//!   later reassignment of an exported `let` is not seen by importers
//!   (namespace imports, `import * as ns`, stay live) — not detected;
//! - `export const a = 1, b = 2` exports only `a` — not detected;
//! - dynamic `import()` is left as it is and fails from `file://`;
//! - CSS `url(...)`, images and other files the page fetches at run time
//!   are not inlined.

use crate::{wasm_build, Result};
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// The single-file page, inside `dist/`.
const SINGLE_FILE: &str = "sepal-playground.html";

pub fn dist() -> Result<()> {
    wasm_build::build()?;
    let (www, dist) = (Path::new("www"), Path::new("dist"));
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(|e| format!("cannot delete the old dist/: {e}"))?;
    }
    copy_dir(www, dist).map_err(|e| format!("cannot copy www/ to dist/: {e}"))?;
    let wasm = fs::read(wasm_build::WASM).map_err(|e| format!("cannot read {}: {e}", wasm_build::WASM))?;
    let page = single_file(www, &wasm)?;
    let out = dist.join(SINGLE_FILE);
    fs::write(&out, &page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("dist/ is ready; {} is {} bytes", out.display(), page.len());
    Ok(())
}

/// The absolute path of the single-file page `dist()` writes, for the
/// end-to-end test that opens it from disk.
pub fn single_file_path() -> Result<std::path::PathBuf> {
    let path = Path::new("dist").join(SINGLE_FILE);
    fs::canonicalize(&path).map_err(|e| format!("{} is missing: {e}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// `www/index.html` with its local stylesheets and module scripts inlined
/// and `wasm` embedded as base64.
fn single_file(www: &Path, wasm: &[u8]) -> Result<String> {
    let mut html = read(&www.join("index.html"))?;
    for tag in find_tags(&html, "link").into_iter().rev() {
        // The modules and the wasm travel inside the page; a preload would
        // ask for a file.
        let preload = matches!(tag.attr("rel"), Some("preload" | "modulepreload"));
        if preload && tag.attr("href").is_some_and(is_local) {
            html.replace_range(tag.range, "");
        } else if tag.attr("rel") == Some("stylesheet") {
            if let Some(href) = tag.attr("href").filter(|href| is_local(href)) {
                let css = read(&www.join(href))?.replace("</style", "<\\/style");
                html.replace_range(tag.range, &format!("<style>\n{css}</style>"));
            }
        }
    }
    let scripts: Vec<Tag> = find_tags(&html, "script")
        .into_iter()
        .filter(|tag| tag.attr("type") == Some("module") && tag.attr("src").is_some_and(is_local))
        .collect();
    if scripts.is_empty() {
        return Err("www/index.html loads no local module script to inline".into());
    }
    for (index, tag) in scripts.iter().enumerate().rev() {
        let close = html[tag.range.end..]
            .find("</script>")
            .map(|at| tag.range.end + at + "</script>".len())
            .ok_or("www/index.html has a <script> without </script>")?;
        let mut js = String::new();
        // Set before any module code runs: the page reads it at startup.
        if index == 0 {
            js += &format!("globalThis.SEPAL_WASM_BASE64 = \"{}\";\n", base64(wasm));
        }
        js += &bundle(www, tag.attr("src").unwrap_or_default())?;
        html.replace_range(
            tag.range.start..close,
            &format!("<script type=\"module\">\n{}</script>", escape_script(&js)),
        );
    }
    Ok(html)
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A URL of a file next to the page, rather than on another host.
fn is_local(url: &str) -> bool {
    !url.contains(':') && !url.starts_with('/')
}

/// Keeps `</script` and `<!--` in the JS from ending or confusing the HTML
/// script element: `\x3C` means `<` in strings, templates and regular
/// expressions, and neither sequence can occur in module code outside them.
fn escape_script(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.find('<') {
        out += &rest[..at];
        let tail = &rest[at..];
        let dangerous = tail.starts_with("<!--") || tail.get(..8).is_some_and(|t| t.eq_ignore_ascii_case("</script"));
        out += if dangerous { "\\x3C" } else { "<" };
        rest = &tail[1..];
    }
    out + rest
}

/// An HTML start tag: where it is and its attributes.
struct Tag {
    range: std::ops::Range<usize>,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The start tags `<name ...>` in `html`, in order. Enough HTML for a page we
/// write ourselves: quoted, unquoted and bare attributes; comments are not
/// skipped.
fn find_tags(html: &str, name: &str) -> Vec<Tag> {
    let lower = html.to_ascii_lowercase();
    let opening = format!("<{name}");
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&opening).map(|at| from + at) {
        from = at + opening.len();
        let bytes = html.as_bytes();
        if !bytes
            .get(from)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            continue;
        }
        let mut attrs = Vec::new();
        let mut i = from;
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
                i += 1;
            }
            match bytes.get(i) {
                None => return tags,
                Some(b'>') => break,
                Some(_) => {}
            }
            let key_start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !b"=>/".contains(b))
            {
                i += 1;
            }
            let key = lower[key_start..i].to_string();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                let start = i;
                let end = match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let Some(len) = html[i + 1..].find(quote as char) else {
                            return tags;
                        };
                        i += len + 2;
                        (start + 1, i - 1)
                    }
                    _ => {
                        while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>') {
                            i += 1;
                        }
                        (start, i)
                    }
                };
                value = html[end.0..end.1].to_string();
            }
            attrs.push((key, value));
        }
        tags.push(Tag {
            range: at..i + 1,
            attrs,
        });
        from = i + 1;
    }
    tags
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

// ---------------------------------------------------------------- bundler

/// The JS of the module graph starting at `entry` (relative to `www`), each
/// module wrapped in its own scope, dependencies first.
fn bundle(www: &Path, entry: &str) -> Result<String> {
    let mut graph = Graph {
        www,
        modules: Vec::new(),
        state: HashMap::new(),
    };
    graph.visit(&normalize(entry).ok_or_else(|| format!("bad module path `{entry}`"))?)?;
    let index: HashMap<&str, usize> = graph
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.path.as_str(), i))
        .collect();
    let mut js = String::new();
    for (i, module) in graph.modules.iter().enumerate() {
        js += &format!(
            "const __sepal_module_{i} = await (async () => {{\n// ---- {}\n",
            module.path
        );
        for import in &module.imports {
            let source = index[import.path.as_str()];
            let exports = &graph.modules[source].exports;
            for (imported, _) in &import.names {
                if !exports.iter().any(|(exported, _)| exported == imported) {
                    return Err(format!(
                        "{} imports {imported} from {}, which does not export it",
                        module.path, import.path
                    ));
                }
            }
            js += &import.bindings(&format!("__sepal_module_{source}"));
        }
        js += &module.body;
        let getters: Vec<String> = module
            .exports
            .iter()
            .map(|(exported, local)| format!("get {exported}() {{ return {local}; }}"))
            .collect();
        js += &format!("\nreturn Object.freeze({{ {} }});\n}})();\n", getters.join(", "));
    }
    Ok(js)
}

struct Graph<'a> {
    www: &'a Path,
    /// Finished modules, each after everything it imports.
    modules: Vec<Module>,
    /// false while a module's imports are being visited, true once done.
    state: HashMap<String, bool>,
}

impl Graph<'_> {
    fn visit(&mut self, path: &str) -> Result<()> {
        match self.state.get(path) {
            Some(true) => return Ok(()),
            Some(false) => {
                return Err(format!(
                    "{path} imports itself through a cycle, which the bundler does not support"
                ))
            }
            None => {}
        }
        self.state.insert(path.to_string(), false);
        let module = Module::parse(path, &read(&self.www.join(path))?)?;
        for import in &module.imports {
            self.visit(&import.path)?;
        }
        self.state.insert(path.to_string(), true);
        self.modules.push(module);
        Ok(())
    }
}

/// One module with its import and export statements taken out.
struct Module {
    /// Relative to `www/`, with `/`.
    path: String,
    body: String,
    imports: Vec<Import>,
    /// (exported name, local expression); a quoted string name keeps its quotes.
    exports: Vec<(String, String)>,
}

struct Import {
    /// The imported module, relative to `www/`.
    path: String,
    /// (name exported by the imported module, local binding)
    names: Vec<(String, String)>,
    namespace: Option<String>,
}

impl Import {
    fn bindings(&self, module: &str) -> String {
        let mut js = String::new();
        if let Some(namespace) = &self.namespace {
            js += &format!("const {namespace} = {module};\n");
        }
        if !self.names.is_empty() {
            let names: Vec<String> = self
                .names
                .iter()
                .map(|(imported, local)| format!("{imported}: {local}"))
                .collect();
            js += &format!("const {{ {} }} = {module};\n", names.join(", "));
        }
        js
    }
}

impl Module {
    fn parse(path: &str, source: &str) -> Result<Module> {
        let at = |offset: usize| format!("{path}:{}", source[..offset].matches('\n').count() + 1);
        let tokens = tokenize(source).map_err(|(offset, e)| format!("{}: {e}", at(offset)))?;
        let mut parser = Parser {
            source,
            tokens: &tokens,
            next: 0,
        };
        let mut module = Module {
            path: path.to_string(),
            body: String::new(),
            imports: Vec::new(),
            exports: Vec::new(),
        };
        // (byte range, replacement) of each import or export statement.
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        while let Some(token) = parser.peek() {
            let statement = parser.next;
            parser.next += 1;
            let after_dot = statement > 0 && parser.text(statement - 1) == ".";
            if token.depth != 0 || token.kind != Kind::Ident || after_dot {
                continue;
            }
            let result = match parser.text(statement) {
                "import" if !matches!(parser.peek_text(), Some("(" | ".")) => parser.import(path).map(|import| {
                    module.imports.push(import);
                    String::new()
                }),
                "export" => parser.export(&mut module.exports),
                _ => continue,
            };
            let replacement = result.map_err(|e| format!("{}: {e}", at(token.start)))?;
            edits.push((token.start, parser.statement_end(), replacement));
        }
        let mut body = source.to_string();
        for (start, end, replacement) in edits.into_iter().rev() {
            body.replace_range(start..end, &replacement);
        }
        module.body = body;
        Ok(module)
    }
}

/// Walks the tokens of one import or export statement.
struct Parser<'a> {
    source: &'a str,
    tokens: &'a [Token],
    next: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.next).copied()
    }

    fn peek_text(&self) -> Option<&'a str> {
        (self.next < self.tokens.len()).then(|| self.text(self.next))
    }

    fn text(&self, index: usize) -> &'a str {
        let token = self.tokens[index];
        &self.source[token.start..token.end]
    }

    fn take(&mut self) -> Result<(Kind, &'a str)> {
        let token = self.peek().ok_or("unexpected end of the module")?;
        self.next += 1;
        Ok((token.kind, self.text(self.next - 1)))
    }

    fn expect(&mut self, text: &str) -> Result<()> {
        match self.take()? {
            (_, found) if found == text => Ok(()),
            (_, found) => Err(format!("expected `{text}`, found `{found}`")),
        }
    }

    fn name(&mut self) -> Result<String> {
        match self.take()? {
            (Kind::Ident, name) => Ok(name.to_string()),
            (_, found) => Err(format!("expected a name, found `{found}`")),
        }
    }

    /// An identifier, or a string as in `export { a as "b c" }`.
    fn export_name(&mut self) -> Result<String> {
        match self.take()? {
            (Kind::Ident | Kind::Str, name) => Ok(name.to_string()),
            (_, found) => Err(format!("expected a name, found `{found}`")),
        }
    }

    /// Where the statement just parsed ends, with its optional `;`.
    fn statement_end(&mut self) -> usize {
        if self.peek_text() == Some(";") {
            self.next += 1;
        }
        self.tokens[self.next - 1].end
    }

    /// `{ a, b as c, }` as (exported, local) pairs; `import_side` says which
    /// side of `as` is the local name.
    fn braces(&mut self, import_side: bool) -> Result<Vec<(String, String)>> {
        self.expect("{")?;
        let mut pairs = Vec::new();
        while self.peek_text() != Some("}") {
            let first = self.export_name()?;
            let second = if self.peek_text() == Some("as") {
                self.next += 1;
                self.export_name()?
            } else {
                first.clone()
            };
            pairs.push(if import_side { (first, second) } else { (second, first) });
            if self.peek_text() != Some("}") {
                self.expect(",")?;
            }
        }
        self.expect("}")?;
        Ok(pairs)
    }

    fn import(&mut self, from: &str) -> Result<Import> {
        let mut import = Import {
            path: String::new(),
            names: Vec::new(),
            namespace: None,
        };
        if self.peek().is_some_and(|token| token.kind != Kind::Str) {
            if self.peek().is_some_and(|token| token.kind == Kind::Ident) {
                import.names.push(("default".into(), self.name()?));
                if self.peek_text() == Some(",") {
                    self.next += 1;
                }
            }
            match self.peek_text() {
                Some("*") => {
                    self.next += 1;
                    self.expect("as")?;
                    import.namespace = Some(self.name()?);
                }
                Some("{") => import.names.extend(self.braces(true)?),
                _ => {}
            }
            self.expect("from")?;
        }
        let specifier = match self.take()? {
            (Kind::Str, quoted) => &quoted[1..quoted.len() - 1],
            (_, found) => return Err(format!("expected a module specifier, found `{found}`")),
        };
        if !specifier.starts_with("./") && !specifier.starts_with("../") {
            return Err(format!(
                "cannot inline `{specifier}`: only relative imports are supported"
            ));
        }
        let dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
        import.path = normalize(&format!("{dir}/{specifier}")).ok_or_else(|| format!("`{specifier}` leaves www/"))?;
        Ok(import)
    }

    /// Records the exports of one `export` statement and returns what replaces
    /// the statement's text up to where the parser stopped.
    fn export(&mut self, exports: &mut Vec<(String, String)>) -> Result<String> {
        let keyword = self.next - 1;
        match self.peek_text() {
            Some("{") => {
                exports.extend(self.braces(false)?);
                if self.peek_text() == Some("from") {
                    return Err("re-exports (`export ... from`) are not supported".into());
                }
                Ok(String::new())
            }
            Some("default") => {
                self.next += 1;
                let declaration = self.next;
                if self.peek_text() == Some("async") {
                    self.next += 1;
                }
                let name = match self.peek_text() {
                    Some("function") => {
                        self.next += 1;
                        if self.peek_text() == Some("*") {
                            self.next += 1;
                        }
                        self.peek().filter(|token| token.kind == Kind::Ident).map(|_| self.next)
                    }
                    Some("class") => {
                        self.next += 1;
                        self.peek()
                            .filter(|token| token.kind == Kind::Ident && self.peek_text() != Some("extends"))
                            .map(|_| self.next)
                    }
                    _ => None,
                };
                self.next = declaration;
                match name {
                    // A named declaration stays one, so it is still hoisted.
                    Some(name) => {
                        exports.push(("default".into(), self.text(name).to_string()));
                        Ok(String::new())
                    }
                    None => {
                        exports.push(("default".into(), "__default".into()));
                        Ok("const __default = ".into())
                    }
                }
            }
            Some("async" | "function" | "class") => {
                while self.peek().is_some_and(|token| {
                    token.kind != Kind::Ident || matches!(self.peek_text(), Some("async" | "function" | "class"))
                }) {
                    self.next += 1;
                }
                let name = self.name()?;
                self.next = keyword + 1;
                exports.push((name.clone(), name));
                Ok(String::new())
            }
            Some("const" | "let" | "var") => {
                self.next += 1;
                let name = self
                    .name()
                    .map_err(|_| "destructuring exports are not supported".to_string())?;
                self.next = keyword + 1;
                exports.push((name.clone(), name));
                Ok(String::new())
            }
            _ => Err("unsupported form of export".into()),
        }
    }
}

/// `a/./b/../c.js` → `a/c.js`; None if it climbs out of the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

// -------------------------------------------------------------- tokenizer

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Ident,
    Str,
    Punct,
    /// Numbers, template literals, regular expressions.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// Brackets (and template substitutions) open around the token.
    depth: usize,
}

/// Words after which `/` starts a regular expression, not a division.
const REGEX_AFTER: [&str; 14] = [
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// Splits JavaScript into tokens, skipping whitespace and comments. Errors
/// carry the byte offset where they happened.
fn tokenize(source: &str) -> std::result::Result<Vec<Token>, (usize, &'static str)> {
    let bytes = source.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut depth = 0;
    // The depth outside each `${` currently open, innermost last.
    let mut templates: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let byte = bytes[i];
        let next = bytes.get(i + 1).copied();
        let kind = match byte {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if next == Some(b'/') => {
                i = source[i..].find('\n').map_or(bytes.len(), |at| i + at);
                continue;
            }
            b'/' if next == Some(b'*') => {
                i = source[i + 2..]
                    .find("*/")
                    .map(|at| i + 2 + at + 2)
                    .ok_or((start, "unterminated comment"))?;
                continue;
            }
            b'"' | b'\'' => {
                i = skip_quoted(bytes, i + 1, byte).ok_or((start, "unterminated string"))?;
                Kind::Str
            }
            b'`' => {
                i = template_part(bytes, i + 1, &mut templates, &mut depth).ok_or((start, "unterminated template"))?;
                Kind::Other
            }
            b'}' if depth > 0 && templates.last() == Some(&(depth - 1)) => {
                templates.pop();
                depth -= 1;
                i = template_part(bytes, i + 1, &mut templates, &mut depth).ok_or((start, "unterminated template"))?;
                Kind::Other
            }
            b'/' if regex_allowed(source, tokens.last()) => {
                i = skip_regex(bytes, i + 1).ok_or((start, "unterminated regular expression"))?;
                Kind::Other
            }
            b if b.is_ascii_digit() || (b == b'.' && next.is_some_and(|n| n.is_ascii_digit())) => {
                i = skip_word(bytes, i + 1, b".");
                Kind::Other
            }
            b if is_word_byte(b) => {
                i = skip_word(bytes, i + 1, b"");
                Kind::Ident
            }
            b'{' | b'(' | b'[' => {
                tokens.push(Token {
                    kind: Kind::Punct,
                    start,
                    end: i + 1,
                    depth,
                });
                depth += 1;
                i += 1;
                continue;
            }
            b'}' | b')' | b']' => {
                depth = depth.checked_sub(1).ok_or((start, "unbalanced brackets"))?;
                i += 1;
                Kind::Punct
            }
            _ => {
                i += 1;
                Kind::Punct
            }
        };
        tokens.push(Token {
            kind,
            start,
            end: i,
            depth,
        });
    }
    if depth != 0 {
        return Err((bytes.len(), "unbalanced brackets"));
    }
    Ok(tokens)
}

/// Letters, digits, `_`, `$` and any non-ASCII byte (identifiers may be Unicode).
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' || byte >= 0x80
}

fn skip_word(bytes: &[u8], mut i: usize, also: &[u8]) -> usize {
    while bytes.get(i).is_some_and(|&b| is_word_byte(b) || also.contains(&b)) {
        i += 1;
    }
    i
}

/// The index just past the closing `quote`.
fn skip_quoted(bytes: &[u8], mut i: usize, quote: u8) -> Option<usize> {
    loop {
        match *bytes.get(i)? {
            b'\\' => i += 2,
            b'\n' => return None,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Scans template text up to its closing backtick, or up to a `${`, which it
/// records as open (its `}` resumes the template).
fn template_part(bytes: &[u8], mut i: usize, templates: &mut Vec<usize>, depth: &mut usize) -> Option<usize> {
    loop {
        match *bytes.get(i)? {
            b'\\' => i += 2,
            b'`' => return Some(i + 1),
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                templates.push(*depth);
                *depth += 1;
                return Some(i + 2);
            }
            _ => i += 1,
        }
    }
}

fn skip_regex(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut in_class = false;
    loop {
        match *bytes.get(i)? {
            b'\\' => i += 1,
            b'\n' => return None,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'/' if !in_class => return Some(skip_word(bytes, i + 1, b"")),
            _ => {}
        }
        i += 1;
    }
}

/// Whether a `/` after `previous` starts a regular expression: not after a
/// value (a name, number, string, `)` or `]`), except after keywords like
/// `return`.
fn regex_allowed(source: &str, previous: Option<&Token>) -> bool {
    let Some(previous) = previous else {
        return true;
    };
    let text = &source[previous.start..previous.end];
    match previous.kind {
        Kind::Ident => REGEX_AFTER.contains(&text),
        Kind::Str | Kind::Other => false,
        Kind::Punct => text != ")" && text != "]",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{env, process};

    #[test]
    fn base64_matches_the_standard_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn tokenizer_sees_through_strings_comments_templates_and_regexes() {
        let source = "const a = `x ${ {b: `}`}.b } import`; // export\n/* import */ let r = /[/]export/g, d = 4 / 2;\nimport { q } from './q.js';";
        let tokens = tokenize(source).unwrap();
        let top: Vec<&str> = tokens
            .iter()
            .filter(|t| t.depth == 0 && t.kind == Kind::Ident)
            .map(|t| &source[t.start..t.end])
            .collect();
        assert_eq!(top, ["const", "a", "let", "r", "d", "import", "from"]);
    }

    #[test]
    fn html_tags_and_script_escaping() {
        let tags = find_tags(
            "<p><link rel=stylesheet href='a.css' /><LINK\nhref=\"b.css\" disabled></p>",
            "link",
        );
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[0].attr("href"), Some("a.css"));
        assert_eq!(tags[0].attr("rel"), Some("stylesheet"));
        assert_eq!(tags[1].attr("href"), Some("b.css"));
        assert_eq!(tags[1].attr("disabled"), Some(""));
        assert_eq!(
            escape_script("a < b; '</SCRIPT>' <!-- x"),
            "a < b; '\\x3C/SCRIPT>' \\x3C!-- x"
        );
    }

    /// A fake site with every supported module form, bundled and then run by
    /// node (when it is installed) to check the result actually works.
    #[test]
    fn bundles_a_module_graph_into_one_page() {
        let www = env::temp_dir().join(format!("xtask-dist-test-{}", process::id()));
        fs::create_dir_all(www.join("pkg")).unwrap();
        let files = [
            (
                "index.html",
                "<!doctype html>\n<link rel=\"stylesheet\" href=\"styles.css\">\n<script type=\"module\" src=\"sepal-playground.js\"></script>\n\
                 <link rel=\"modulepreload\" href=\"strings.js\">\n\
                 <link rel=\"preload\" href=\"pkg/sepal_bg.wasm\" as=\"fetch\" crossorigin>\n",
            ),
            ("styles.css", "body { color: red }\n"),
            (
                "sepal-playground.js",
                "import init, { greet, Counter } from \"./pkg/sepal.js\";\n\
                 import * as strings from './strings.js';\n\
                 import { twice as double } from \"./util/math.js\";\n\
                 import './side.js';\n\
                 await init({ module_or_path: globalThis.SEPAL_WASM_BASE64 });\n\
                 const c = new Counter();\n\
                 c.add(double(2));\n\
                 globalThis.result = [greet(strings.en.hello), c.n, strings.default, strings.version(), import.meta.url !== undefined, globalThis.side].join('|');\n\
                 export default class Playground {}\n",
            ),
            (
                "pkg/sepal.js",
                "let wasm;\n\
                 export function greet(name) { return `hi ${name} </script>`; }\n\
                 export class Counter { constructor() { this.n = 0; } add(k) { this.n += k; } }\n\
                 async function __wbg_init(m) { wasm = m.module_or_path.length; }\n\
                 function initSync() {}\n\
                 export { initSync, __wbg_init as default };\n",
            ),
            (
                "strings.js",
                "import { twice } from './util/math.js';\n\
                 export const en = { hello: \"world\" };\n\
                 export let count = twice(1);\n\
                 export async function load() {}\n\
                 export function version() { return count; }\n\
                 export default 'strings' + '!';\n",
            ),
            ("util/math.js", "export const twice = (x) => x * 2 /* / */ / 1;\n"),
            ("side.js", "globalThis.side = /import \\/ 'x/.source.length;\n"),
        ];
        for (path, text) in files {
            fs::create_dir_all(www.join(path).parent().unwrap()).unwrap();
            fs::write(www.join(path), text).unwrap();
        }
        let page = single_file(&www, b"wasm").unwrap();
        assert!(page.contains("<style>\nbody { color: red }\n</style>"), "{page}");
        assert!(page.contains("globalThis.SEPAL_WASM_BASE64 = \"d2FzbQ==\";"));
        assert!(!page.contains(" src=") && !page.contains("`hi ${name} </script>"));
        assert!(
            !page.contains("preload"),
            "the modules and the wasm are in the page, not fetched: {page}"
        );
        let modules = [
            "pkg/sepal.js",
            "util/math.js",
            "strings.js",
            "side.js",
            "sepal-playground.js",
        ];
        let positions: Vec<usize> = modules
            .iter()
            .map(|m| page.find(&format!("// ---- {m}\n")).unwrap())
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "dependency order: {positions:?}"
        );

        // Run the bundle: node evaluates it as a module, like the page would.
        let script = page
            .split("<script type=\"module\">\n")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        let check = format!("{script}\nconsole.log(globalThis.result);\n");
        let output = std::process::Command::new("node")
            .args(["--input-type=module", "-e", &check])
            .output();
        if let Ok(output) = output {
            assert!(
                output.status.success(),
                "{}\n{script}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&output.stdout).trim(),
                "hi world </script>|4|strings!|2|true|12"
            );
        }
    }

    #[test]
    fn rejects_what_it_cannot_bundle() {
        let error = |source: &str| Module::parse("m.js", source).err().unwrap_or_default();
        assert!(error("import x from 'lodash';").contains("only relative imports"));
        assert!(error("\nexport * from './a.js';").starts_with("m.js:2: "));
        assert!(error("export { a } from './a.js';").contains("re-exports"));
        assert!(error("export const { a } = b;").contains("destructuring"));
        assert!(error("import x from '../../x.js';").contains("leaves www/"));
        assert!(error("let s = 'open").contains("unterminated string"));
    }
}
