//! `cargo xtask dist`: `dist/`, the built `www/` for any static host, and
//! `dist/sepal-playground.html`, the whole playground in one file that works
//! when opened from disk.
//!
//! In `dist/` the page's module scripts (`wasm.js`, `sepal-playground.js`,
//! `page.js`: what `index.html` loads) are esbuild's minified bundles under
//! their own names, their shared code in `chunk-*.js` beside them (one
//! module instance, so one wasm compile), and `index.html` preloads those
//! chunks instead of the ~40 plain modules: a phone then downloads a third
//! of the JavaScript, in one round of requests. A module the page imports
//! only with `import()` (the Chinese strings, for a page shown in Chinese)
//! is a chunk of its own that is not preloaded. `www/` stays plain modules
//! for development.
//!
//! Browsers load no ES modules from `file://`, so the single file cannot
//! keep `<script type="module" src>` and relative imports. esbuild (pinned
//! in `tools/package.json`) bundles the page's module scripts, in their
//! order, into one inline module script. The wasm travels in it as base64
//! (esbuild's `base64` loader) in `globalThis.SEPAL_WASM_BASE64`, set by a
//! module that runs before the page's own; `www/wasm.js` decodes it and
//! hands it to wasm-bindgen's `init`. Local stylesheets become `<style>`,
//! and preloads of local files, which would ask for files, are dropped.
//! CSS `url(...)`, images and other files the page fetches at run time are
//! not inlined.
//!
//! The served site's Content-Security-Policy comes as a header; the file
//! from disk has none, so it carries the same policy in a `<meta>`, first in
//! its `<head>`, with the inline script allowed by its SHA-256 hash.

use crate::cmd::{self, command};
use crate::{serve, tools, wasm_build, Result};
use base64::prelude::{Engine, BASE64_STANDARD};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

/// The single-file page, inside `dist/`.
const SINGLE_FILE: &str = "sepal-playground.html";
/// esbuild's entry, the module that sets the wasm, and its output.
const BUNDLE_DIR: &str = "target/single-file";
/// The first line of every bundle, the site's and the single file's (#15):
/// V8's explicit compile hint, which compiles all of a script's functions
/// at once (the site's bundles on a background thread while they stream
/// in) instead of parsing and compiling each on the main thread at its
/// first call; most of their code runs on the way to the first frame.
/// Measured in bench/README "round five": the main thread's CPU until the
/// first frame ~13 ms less on the site; ~4 ms in the single file, whose
/// inline script is compiled on the main thread, but at once. Other
/// engines read a comment.
const COMPILE_HINT: &str = "//# allFunctionsCalledOnLoad";

pub fn dist() -> Result<()> {
    wasm_build::build()?;
    let esbuild = tools::esbuild()?;
    let (www, dist) = (Path::new("www"), Path::new("dist"));
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(|e| format!("cannot delete the old dist/: {e}"))?;
    }
    copy_dir(www, dist).map_err(|e| format!("cannot copy www/ to dist/: {e}"))?;
    bundle_site(www, dist, &esbuild)?;
    let page = single_file(www, &esbuild, Path::new(BUNDLE_DIR))?;
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

/// The module scripts `www/index.html` loads, as URLs relative to `www/`.
fn module_scripts(html: &str) -> Vec<Tag> {
    find_tags(html, "script")
        .into_iter()
        .filter(|tag| tag.attr("type") == Some("module") && tag.attr("src").is_some_and(is_local))
        .collect()
}

/// Replaces `dist/`'s copies of the page's module scripts by their minified
/// bundles (shared code split into `chunk-*.js` in the same folder, so
/// `import.meta.url` still finds `pkg/` and `index.html` next to it), and
/// `dist/index.html`'s module preloads by preloads of the chunks they
/// import statically.
fn bundle_site(www: &Path, dist: &Path, esbuild: &Path) -> Result<()> {
    let mut html = read(&www.join("index.html"))?;
    let scripts = module_scripts(&html);
    if scripts.is_empty() {
        return Err("www/index.html loads no local module script to bundle".into());
    }
    let metafile = dist.join("esbuild-meta.json");
    cmd::run(
        command(esbuild)
            .args(
                scripts
                    .iter()
                    .filter_map(|tag| tag.attr("src"))
                    .map(|src| www.join(src)),
            )
            .args([
                "--bundle",
                "--splitting",
                "--minify",
                "--format=esm",
                "--charset=utf8",
                "--entry-names=[dir]/[name]",
                "--chunk-names=chunk-[hash]",
                "--log-level=warning",
                &format!("--banner:js={COMPILE_HINT}"),
            ])
            .arg(format!("--outbase={}", www.display()))
            .arg(format!("--outdir={}", dist.display()))
            .arg(format!("--metafile={}", metafile.display())),
    )?;
    let entries: Vec<&str> = scripts.iter().filter_map(|tag| tag.attr("src")).collect();
    let chunks = static_imports(&read(&metafile)?, &entries)?;
    fs::remove_file(&metafile).map_err(|e| format!("cannot delete {}: {e}", metafile.display()))?;
    let preloads: Vec<Tag> = find_tags(&html, "link")
        .into_iter()
        .filter(|tag| tag.attr("rel") == Some("modulepreload") && tag.attr("href").is_some_and(is_local))
        .collect();
    let Some(first) = preloads.first().map(|tag| tag.range.clone()) else {
        return Err("www/index.html preloads no module; dist/index.html would wait a round trip per chunk".into());
    };
    for tag in preloads.iter().skip(1).rev() {
        html.replace_range(tag.range.clone(), "");
    }
    let chunk_links: Vec<String> = chunks
        .iter()
        .map(|chunk| format!("<link rel=\"modulepreload\" href=\"{chunk}\">"))
        .collect();
    html.replace_range(first, &chunk_links.join("\n  "));
    // The removed preloads leave empty lines behind.
    let html: String = html
        .lines()
        .filter(|line| !line.trim().is_empty() || line.is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    let out = dist.join("index.html");
    fs::write(&out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// What the entry scripts `entries` (file names in `dist/`) import with
/// `import` statements, directly or through each other, from esbuild's
/// metafile, in order: what the page needs before its scripts run, so what
/// it preloads. A chunk reached only by `import()` (the Chinese strings) is
/// fetched when a page asks for it.
fn static_imports(metafile: &str, entries: &[&str]) -> Result<Vec<String>> {
    let meta: serde_json::Value = serde_json::from_str(metafile).map_err(|e| format!("esbuild's metafile: {e}"))?;
    let outputs = meta["outputs"]
        .as_object()
        .ok_or("esbuild's metafile lists no outputs")?;
    let name = |path: &str| {
        Path::new(path)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or(path)
            .to_string()
    };
    let imports: HashMap<String, Vec<String>> = outputs
        .iter()
        .map(|(path, output)| {
            let statics = output["imports"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|import| import["kind"] == "import-statement")
                .filter_map(|import| import["path"].as_str().map(name))
                .collect();
            (name(path), statics)
        })
        .collect();
    let mut found = BTreeSet::new();
    let mut todo: Vec<String> = entries.iter().map(|entry| entry.to_string()).collect();
    while let Some(file) = todo.pop() {
        for import in imports.get(&file).into_iter().flatten() {
            if found.insert(import.clone()) {
                todo.push(import.clone());
            }
        }
    }
    Ok(found
        .into_iter()
        .filter(|file| !entries.contains(&file.as_str()))
        .collect())
}

/// `www/index.html` with its local stylesheets inlined and its local module
/// scripts replaced by one inline script: their bundle, with the wasm.
fn single_file(www: &Path, esbuild: &Path, bundle_dir: &Path) -> Result<String> {
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
    let scripts = module_scripts(&html);
    if scripts.is_empty() {
        return Err("www/index.html loads no local module script to inline".into());
    }
    let sources: Vec<&str> = scripts.iter().filter_map(|tag| tag.attr("src")).collect();
    let js = bundle(www, &sources, esbuild, bundle_dir)?;
    // The bundle takes the first script's place; the others go.
    for (index, tag) in scripts.iter().enumerate().rev() {
        let close = html[tag.range.end..]
            .find("</script>")
            .map(|at| tag.range.end + at + "</script>".len())
            .ok_or("www/index.html has a <script> without </script>")?;
        let inline = match index {
            0 => format!("<script type=\"module\">\n{}</script>", escape_script(&js)),
            _ => String::new(),
        };
        html.replace_range(tag.range.start..close, &inline);
    }
    with_policy(html)
}

/// `html` with its Content-Security-Policy as the first element of its
/// `<head>`: opened from disk, the page has no server to send the policy
/// the served site gets, and an inline script cannot be `'self'`, so each
/// inline script is allowed by the hash of its text.
fn with_policy(mut html: String) -> Result<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut text_end = 0;
    for tag in find_tags(&html, "script") {
        if tag.range.start < text_end {
            continue; // "<script" in a script's text
        }
        if let Some(src) = tag.attr("src") {
            return Err(format!(
                "the single file allows inline scripts only, and www/index.html loads {src}"
            ));
        }
        text_end = lower[tag.range.end..]
            .find("</script")
            .map(|at| tag.range.end + at)
            .ok_or("www/index.html has a <script> without </script>")?;
        hashes.push(script_hash(&html[tag.range.end..text_end]));
    }
    let policy = serve::content_security_policy(serve::Scripts::Inline(&hashes));
    let head = find_tags(&html, "head")
        .into_iter()
        .next()
        .ok_or("www/index.html has no <head>")?;
    html.insert_str(
        head.range.end,
        &format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"),
    );
    Ok(html)
}

/// The CSP source `'sha256-…'` that allows an inline script with this text.
/// The browser hashes the text as parsed, with its line breaks made `\n`.
fn script_hash(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    format!("'sha256-{}'", BASE64_STANDARD.encode(Sha256::digest(text)))
}

/// esbuild's bundle of the module scripts `sources` (URLs relative to
/// `www`), run in their order after a module that sets
/// `globalThis.SEPAL_WASM_BASE64` to `www/pkg/sepal_bg.wasm` in base64: a
/// module's imports all run before it, in order, so the page's modules
/// find the wasm however early they look for it.
fn bundle(www: &Path, sources: &[&str], esbuild: &Path, bundle_dir: &Path) -> Result<String> {
    let www = fs::canonicalize(www).map_err(|e| format!("cannot find {}: {e}", www.display()))?;
    fs::create_dir_all(bundle_dir).map_err(|e| format!("cannot create {}: {e}", bundle_dir.display()))?;
    let write = |name: &str, text: String| {
        let path = bundle_dir.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    // Paths as JavaScript strings (a JSON string is one).
    let quoted = |path: &Path| serde_json::to_string(&path.to_string_lossy()).expect("a string serialises");
    write(
        "wasm-base64.js",
        format!(
            "import wasm from {};\nglobalThis.SEPAL_WASM_BASE64 = wasm;\n",
            quoted(&www.join("pkg/sepal_bg.wasm"))
        ),
    )?;
    let mut entry = String::from("import \"./wasm-base64.js\";\n");
    for source in sources {
        entry += &format!("import {};\n", quoted(&www.join(source)));
    }
    write("entry.js", entry)?;
    let out = bundle_dir.join("bundle.js");
    cmd::run(
        command(esbuild)
            .arg(bundle_dir.join("entry.js"))
            .args([
                "--bundle",
                "--minify",
                "--format=esm",
                "--charset=utf8",
                "--loader:.wasm=base64",
                "--log-level=warning",
                &format!("--banner:js={COMPILE_HINT}"),
            ])
            .arg(format!("--outfile={}", out.display())),
    )?;
    read(&out)
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A URL of a file next to the page, rather than on another host.
fn is_local(url: &str) -> bool {
    !url.contains(':') && !url.starts_with('/')
}

/// Keeps `</script` and `<!--` in the JS from ending or confusing the HTML
/// script element (esbuild escapes the first in strings, not the second):
/// `\x3C` means `<` in strings, templates and regular expressions, and
/// neither sequence can occur in module code outside them.
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

#[cfg(test)]
mod tests;
