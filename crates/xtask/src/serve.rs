//! `cargo xtask serve`: a small static file server for `www/`, also started
//! in-process by `cargo xtask test` for the end-to-end tests. Pages must come
//! over HTTP because browsers refuse ES modules and wasm from `file://`.
//!
//! GET and HEAD only, one thread per connection, kept open for the next
//! request as browsers and web hosts do (a page of ~35 modules would
//! otherwise wait on a new connection for each), text and wasm gzipped when
//! the browser accepts it, as hosts do (what the load benchmarks measure
//! over an emulated mobile network), and `Cache-Control: no-cache` so that
//! a rebuilt wasm is always picked up.

use crate::wasm_build;
use crate::Result;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::Duration;

pub const DEFAULT_PORT: u16 = 8000;

/// Where a page's scripts come from, for [`content_security_policy`].
pub enum Scripts<'a> {
    /// Files of the page's own origin, as `serve` serves them.
    Own,
    /// Only the inline scripts with these sources (`'sha256-…'`): the
    /// single file (`dist`), which has no origin to load anything from.
    Inline(&'a [String]),
}

/// The policy the page must work under, the one statement of it: sent with
/// every HTML response, so that development catches what a strict host
/// would block, and written into the single file, where the same
/// directives name nothing of its own origin (`'none'` by default).
/// `'wasm-unsafe-eval'` compiles the wasm; `'unsafe-inline'` styles are the
/// element's shadow `<style>` and its inline `style`s.
pub fn content_security_policy(scripts: Scripts) -> String {
    let (default, own, scripts) = match scripts {
        Scripts::Own => ("'self'", "'self' ", "'self'".to_string()),
        Scripts::Inline(hashes) => ("'none'", "", hashes.join(" ")),
    };
    format!(
        "default-src {default}; script-src {scripts} 'wasm-unsafe-eval'; \
         style-src {own}'unsafe-inline'; img-src {own}data: blob:"
    )
}

/// Builds, then serves `www/` until interrupted.
pub fn serve(port: u16) -> Result<()> {
    wasm_build::build()?;
    let address = start(Path::new("www"), port, true)?;
    println!("Serving www/ at http://{address}/");
    loop {
        thread::park();
    }
}

/// Serves `root` on 127.0.0.1:`port` (0 picks a free one) from a background
/// thread and returns the bound address. With `log`, prints one line per
/// request.
pub fn start(root: &Path, port: u16, log: bool) -> Result<SocketAddr> {
    start_with_mounts(root, &[], port, log)
}

/// Like [`start`], and also serves each `(prefix, dir)` of `mounts` under
/// `/prefix/` (a single path segment, e.g. `("bench", "bench")` for the
/// benchmark pages next to `www/` at `/`).
pub fn start_with_mounts(root: &Path, mounts: &[(&str, &Path)], port: u16, log: bool) -> Result<SocketAddr> {
    let canonical = |dir: &Path| {
        dir.canonicalize()
            .map_err(|e| format!("cannot serve {}: {e}", dir.display()))
    };
    let root = canonical(root)?;
    let mut mounted = Vec::new();
    for (prefix, dir) in mounts {
        mounted.push((prefix.trim_matches('/').to_string(), canonical(dir)?));
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (choose another port with --port N)"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let site = std::sync::Arc::new(Site { root, mounted });
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            thread::spawn(move || {
                // A client that hangs up early is its own problem.
                let _ = handle(stream, &site, log);
            });
        }
    });
    Ok(address)
}

/// What is served: `root` at `/`, and each mounted directory at `/prefix/`.
struct Site {
    root: PathBuf,
    mounted: Vec<(String, PathBuf)>,
}

impl Site {
    /// The directory a request target falls in, the target relative to it,
    /// and the prefix of that directory's URLs (`""` or `"/prefix"`).
    fn resolve<'a>(&'a self, target: &'a str) -> (&'a Path, &'a str, String) {
        for (prefix, dir) in &self.mounted {
            let rest = target.strip_prefix('/').and_then(|t| t.strip_prefix(prefix.as_str()));
            if let Some(rest) = rest.filter(|r| r.starts_with('/')) {
                return (dir, rest, format!("/{prefix}"));
            }
        }
        (&self.root, target, String::new())
    }
}

/// Answers the requests of one connection, one after the other, until the
/// client closes it, asks to (`Connection: close`) or is silent for 10 s.
/// Requests have no body (GET, HEAD), so each ends at its blank line.
fn handle(stream: TcpStream, site: &Site, log: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    // An answer goes out at once, not after the client's delayed ACK of the
    // previous one (which closing the connection used to force).
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(&stream);
    let mut writer = &stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        // Drain the headers; only `Connection: close` and whether gzip is
        // accepted change anything.
        let mut header = String::new();
        let (mut last, mut gzip) = (false, false);
        while reader.read_line(&mut header)? > 2 {
            let header_text = header.to_ascii_lowercase().replace(' ', "");
            last |= header_text.trim_end() == "connection:close";
            gzip |= header_text.starts_with("accept-encoding:") && header_text.contains("gzip");
            header.clear();
        }
        let mut words = request_line.split_whitespace();
        let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        let (root, local_target, prefix) = site.resolve(target);
        let mut response = respond(root, method, local_target, &prefix);
        if gzip {
            response.compress();
        }
        if log {
            println!("{method} {target} {}", response.status);
        }
        let mut bytes = response.head();
        if method != "HEAD" {
            bytes.extend_from_slice(&response.body);
        }
        writer.write_all(&bytes)?;
        if last {
            return Ok(());
        }
    }
}

struct Response {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn error(status: &'static str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{status}\n").into_bytes())
    }

    fn new(status: &'static str, content_type: &str, body: Vec<u8>) -> Response {
        let mut headers = vec![("Content-Type", content_type.to_string())];
        // The single file states its own, stricter policy; the header's
        // `'self'` would forbid the inline script it is made of.
        if content_type.starts_with("text/html") && !states_own_policy(&body) {
            headers.push(("Content-Security-Policy", content_security_policy(Scripts::Own)));
        }
        Response { status, headers, body }
    }

    /// Gzips a successful text or wasm body.
    fn compress(&mut self) {
        let kind = &self.headers[0].1;
        let compressible = kind.starts_with("text/") || kind == "application/wasm" || kind == "application/json";
        if !self.status.starts_with("200") || !compressible {
            return;
        }
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        if encoder.write_all(&self.body).is_ok() {
            if let Ok(body) = encoder.finish() {
                self.body = body;
                self.headers.push(("Content-Encoding", "gzip".into()));
                self.headers.push(("Vary", "Accept-Encoding".into()));
            }
        }
    }

    fn head(&self) -> Vec<u8> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n",
            self.status,
            self.body.len()
        );
        for (name, value) in &self.headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += "\r\n";
        head.into_bytes()
    }
}

fn respond(root: &Path, method: &str, target: &str, prefix: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        let mut response = Response::error("405 Method Not Allowed");
        response.headers.push(("Allow", "GET, HEAD".into()));
        return response;
    }
    let Some(relative) = local_path(target) else {
        return Response::error("403 Forbidden");
    };
    let mut path = root.join(&relative);
    if path.is_dir() {
        // Relative links in a directory's index.html need the trailing slash.
        if !target.split(['?', '#']).next().unwrap_or("").ends_with('/') {
            let mut response = Response::error("301 Moved Permanently");
            response
                .headers
                .push(("Location", format!("{prefix}/{}/", relative.display())));
            return response;
        }
        path.push("index.html");
    }
    match fs::read(&path) {
        Ok(body) => Response::new("200 OK", content_type(&path), body),
        Err(_) => Response::error("404 Not Found"),
    }
}

/// The file path a request target names, relative to the served root, or
/// None when it would leave the root. The query string and fragment are
/// ignored, percent-escapes decoded.
fn local_path(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = String::from_utf8(percent_decode(path.strip_prefix('/')?)?).ok()?;
    let relative = PathBuf::from(decoded);
    relative
        .components()
        .all(|component| matches!(component, Component::Normal(_) | Component::CurDir))
        .then_some(relative)
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    Some(bytes)
}

/// Whether an HTML page carries its Content-Security-Policy in a `<meta>`
/// of its own (`dist`'s single file puts it first in its `<head>`).
fn states_own_policy(html: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&html[..html.len().min(2000)]).to_ascii_lowercase();
    start.contains("http-equiv=\"content-security-policy\"")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{content_security_policy, start, start_with_mounts, Scripts};
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::path::PathBuf;
    use std::{env, fs, process};

    fn get(address: SocketAddr, request_line: &str) -> String {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "{request_line}\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    #[test]
    fn one_connection_answers_request_after_request() {
        let dir = env::temp_dir().join(format!("sepal-serve-keep-{}", process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "home").unwrap();
        let address = start(&dir, 0, false).unwrap();
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        write!(
            stream,
            "HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: Close\r\n\r\n"
        )
        .unwrap();
        let mut both = String::new();
        stream.read_to_string(&mut both).unwrap();
        assert_eq!(both.matches("HTTP/1.1 200 OK").count(), 2, "{both}");
        assert!(both.contains("\r\n\r\nhomeHTTP/1.1 200 OK"), "{both}");
        fs::remove_dir_all(&dir).unwrap();
    }

    fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
        let head = response.split("\r\n\r\n").next().unwrap();
        head.lines().find_map(|line| {
            let (key, value) = line.split_once(": ")?;
            key.eq_ignore_ascii_case(name).then_some(value)
        })
    }

    /// `<tmp>/site/` is served; `<tmp>/secret.txt` lies just outside it.
    fn site() -> SocketAddr {
        let dir = env::temp_dir().join(format!("xtask-serve-test-{}", process::id()));
        let site = dir.join("site");
        fs::create_dir_all(site.join("pkg")).unwrap();
        fs::create_dir_all(site.join("docs")).unwrap();
        fs::write(dir.join("secret.txt"), "secret").unwrap();
        fs::write(site.join("index.html"), "<!doctype html><title>home</title>").unwrap();
        fs::write(site.join("docs/index.html"), "docs").unwrap();
        fs::write(site.join("pkg/sepal_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(site.join("a b.js"), "export {};").unwrap();
        fs::write(
            site.join("single.html"),
            "<!doctype html><head>\n  <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">",
        )
        .unwrap();
        start(&PathBuf::from(&site), 0, false).unwrap()
    }

    #[test]
    fn gzips_when_accepted_and_leaves_a_page_its_own_policy() {
        let address = site();
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET /a%20b.js HTTP/1.1\r\nAccept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let at = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let head = String::from_utf8_lossy(&response[..at]).to_string();
        assert_eq!(header(&head, "Content-Encoding"), Some("gzip"));
        let mut text = String::new();
        flate2::read::GzDecoder::new(&response[at..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "export {};");
        // Without Accept-Encoding, as before.
        assert!(get(address, "GET /a%20b.js HTTP/1.1").ends_with("\r\n\r\nexport {};"));
        // The single file's own policy only; the site's pages get the header.
        assert_eq!(
            header(&get(address, "GET /single.html HTTP/1.1"), "Content-Security-Policy"),
            None
        );
        assert!(header(&get(address, "GET / HTTP/1.1"), "Content-Security-Policy").is_some());
    }

    /// The single file's policy is the served one with its origin taken out:
    /// nothing by default, only the hashed scripts.
    #[test]
    fn one_policy_served_and_inline() {
        assert_eq!(
            content_security_policy(Scripts::Own),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
        );
        assert_eq!(
            content_security_policy(Scripts::Inline(&["'sha256-A='".into(), "'sha256-B='".into()])),
            "default-src 'none'; script-src 'sha256-A=' 'sha256-B=' 'wasm-unsafe-eval'; \
             style-src 'unsafe-inline'; img-src data: blob:"
        );
    }

    #[test]
    fn serves_files_with_their_types() {
        let address = site();
        let wasm = get(address, "GET /pkg/sepal_bg.wasm?v=2#x HTTP/1.1");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert_eq!(header(&wasm, "content-type"), Some("application/wasm"));
        assert_eq!(header(&wasm, "content-length"), Some("8"));
        assert_eq!(header(&wasm, "cache-control"), Some("no-cache"));
        assert_eq!(header(&wasm, "content-security-policy"), None);
        assert!(wasm.ends_with("\0asm\x01\0\0\0"));

        let index = get(address, "GET / HTTP/1.1");
        assert_eq!(header(&index, "content-type"), Some("text/html; charset=utf-8"));
        assert!(header(&index, "content-security-policy")
            .unwrap()
            .contains("'wasm-unsafe-eval'"));
        assert!(index.ends_with("<title>home</title>"));

        let script = get(address, "GET /a%20b.js HTTP/1.1");
        assert_eq!(header(&script, "content-type"), Some("text/javascript; charset=utf-8"));

        let head = get(address, "HEAD /docs/ HTTP/1.1");
        assert_eq!(header(&head, "content-length"), Some("4"));
        assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");

        let redirect = get(address, "GET /docs HTTP/1.1");
        assert!(redirect.starts_with("HTTP/1.1 301 "), "{redirect}");
        assert_eq!(header(&redirect, "location"), Some("/docs/"));
    }

    #[test]
    fn serves_mounted_directories_under_their_prefix() {
        let dir = env::temp_dir().join(format!("xtask-serve-mount-{}", process::id()));
        let (site, extra) = (dir.join("site"), dir.join("extra"));
        fs::create_dir_all(&site).unwrap();
        fs::create_dir_all(extra.join("pages")).unwrap();
        fs::write(site.join("index.html"), "home").unwrap();
        fs::write(extra.join("run.js"), "export {};").unwrap();
        fs::write(extra.join("pages/index.html"), "pages").unwrap();
        let address = start_with_mounts(&site, &[("bench", &extra)], 0, false).unwrap();
        assert!(get(address, "GET / HTTP/1.1").ends_with("home"));
        let script = get(address, "GET /bench/run.js?x HTTP/1.1");
        assert!(script.starts_with("HTTP/1.1 200 OK\r\n"), "{script}");
        assert!(script.ends_with("export {};"));
        assert!(get(address, "GET /bench/pages/ HTTP/1.1").ends_with("pages"));
        let redirect = get(address, "GET /bench/pages HTTP/1.1");
        assert_eq!(header(&redirect, "location"), Some("/bench/pages/"));
        assert!(get(address, "GET /benchmark/run.js HTTP/1.1").starts_with("HTTP/1.1 404 "));
        assert!(get(address, "GET /bench/../site/index.html HTTP/1.1").starts_with("HTTP/1.1 403 "));
    }

    #[test]
    fn refuses_what_it_must_not_serve() {
        let address = site();
        assert!(get(address, "GET /missing.js HTTP/1.1").starts_with("HTTP/1.1 404 "));
        for escape in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/pkg/..%2f..%2fsecret.txt",
            "//etc/passwd",
        ] {
            let response = get(address, &format!("GET {escape} HTTP/1.1"));
            assert!(response.starts_with("HTTP/1.1 403 "), "{escape}: {response}");
        }
        assert!(get(address, "POST / HTTP/1.1").starts_with("HTTP/1.1 405 "));
    }
}
