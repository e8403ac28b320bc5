use super::*;
use std::{env, process};

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

#[test]
fn script_hashes() {
    // The example of the CSP specification.
    assert_eq!(
        script_hash("alert('Hello, world.');"),
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    );
    // The browser sees CR LF and CR as LF.
    assert_eq!(script_hash("a\r\nb\rc"), script_hash("a\nb\nc"));
}

#[test]
fn the_policy_comes_first_and_hashes_each_inline_script() {
    let page = with_policy(
        "<!doctype html>\n<html><head>\n<meta charset=utf-8>\n<script type=module>\none()</script>\n</head>\n\
         <body><header></header><SCRIPT>two('<script src=x>')</Script></body></html>"
            .into(),
    )
    .unwrap();
    let policy = serve::content_security_policy(serve::Scripts::Inline(&[
        script_hash("\none()"),
        script_hash("two('<script src=x>')"),
    ]));
    assert!(
        page.starts_with(&format!(
            "<!doctype html>\n<html><head>\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<meta charset=utf-8>"
        )),
        "{page}"
    );
    assert!(
        with_policy("<head><script src=\"https://example.com/x.js\"></script>".into()).is_err(),
        "a script from elsewhere would be blocked"
    );
}

/// The esbuild `tools/` has (`cargo xtask dist` installs it); without
/// it a test using it says it is skipped.
fn installed_esbuild() -> Option<std::path::PathBuf> {
    let esbuild = crate::project_root().join("tools/node_modules/.bin/esbuild");
    if !esbuild.is_file() {
        eprintln!(
            "skipped: {} is missing (cargo xtask dist installs it)",
            esbuild.display()
        );
        return None;
    }
    Some(esbuild)
}

/// `dist/`'s page: its module scripts replaced by minified bundles whose
/// shared code is a chunk beside them, which the page preloads instead
/// of the plain modules; a module imported only by `import()` is a
/// chunk the page does not preload.
#[test]
fn the_site_loads_bundles_and_preloads_their_chunks() {
    let Some(esbuild) = installed_esbuild() else {
        return;
    };
    let dir = env::temp_dir().join(format!("xtask-site-test-{}", process::id()));
    let (www, dist) = (dir.join("www"), dir.join("dist"));
    fs::create_dir_all(&www).unwrap();
    let files = [
        (
            "index.html",
            "<head>\n  <script type=\"module\" async src=\"wasm.js\"></script>\n  <script type=\"module\" src=\"main.js\"></script>\n  \
             <link rel=\"modulepreload\" href=\"shared.js\">\n  <link rel=\"modulepreload\" href=\"wasm.js\">\n</head>\n",
        ),
        ("wasm.js", "import { shared } from './shared.js';\nexport const wasm = shared + 1;\n"),
        (
            "main.js",
            "import { wasm } from './wasm.js';\nglobalThis.result = wasm;\nglobalThis.later = () => import('./later.js');\n",
        ),
        ("shared.js", "export const shared = 41;\n"),
        ("later.js", "export const later = 'only when asked for';\n"),
    ];
    for (path, text) in files {
        fs::write(www.join(path), text).unwrap();
    }
    copy_dir(&www, &dist).unwrap();
    bundle_site(&www, &dist, &esbuild).unwrap();
    let page = fs::read_to_string(dist.join("index.html")).unwrap();
    let preloads: Vec<String> = find_tags(&page, "link")
        .iter()
        .filter_map(|tag| tag.attr("href").map(String::from))
        .collect();
    assert_eq!(preloads.len(), 1, "{page}");
    assert!(
        preloads[0].starts_with("chunk-") && dist.join(&preloads[0]).is_file(),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "src=\"main.js\"></script>\n  <link rel=\"modulepreload\" href=\"{}\">\n</head>",
            preloads[0]
        )),
        "the chunk's preload takes the first preload's place, and the others leave no blank line: {page}"
    );
    let main = fs::read_to_string(dist.join("main.js")).unwrap();
    assert!(main.contains(&preloads[0]) && !main.contains("shared.js"), "{main}");
    for bundle in ["main.js", "wasm.js", preloads[0].as_str()] {
        let text = fs::read_to_string(dist.join(bundle)).unwrap();
        assert!(
            text.starts_with(&format!("{COMPILE_HINT}\n")),
            "{bundle} is compiled as it streams in: {text}"
        );
    }
    let chunks = fs::read_dir(&dist)
        .unwrap()
        .filter_map(|entry| entry.unwrap().file_name().into_string().ok())
        .filter(|name| name.starts_with("chunk-"))
        .count();
    assert_eq!(chunks, 2, "the shared chunk and later.js's");
    assert!(!dist.join("esbuild-meta.json").exists());
    let _ = fs::remove_dir_all(dir);
}

/// A fake site bundled by the real esbuild (when `tools/` has it
/// installed) and run by node: the wasm is there before the first
/// module runs, the page's scripts run in their order, and nothing in
/// the page asks for a file.
#[test]
fn bundles_the_scripts_and_the_wasm_into_one_page() {
    let Some(esbuild) = installed_esbuild() else {
        return;
    };
    let dir = env::temp_dir().join(format!("xtask-dist-test-{}", process::id()));
    let www = dir.join("www");
    fs::create_dir_all(www.join("pkg")).unwrap();
    let files = [
        (
            "index.html",
            "<!doctype html>\n<head>\n<link rel=\"stylesheet\" href=\"styles.css\">\n<script type=\"module\" src=\"main.js\"></script>\n\
             <link rel=\"modulepreload\" href=\"wasm.js\">\n\
             <link rel=\"preload\" href=\"pkg/sepal_bg.wasm\" as=\"fetch\" crossorigin>\n\
             <script type=\"module\" src=\"page.js\"></script>\n",
        ),
        ("styles.css", "body { color: red }\n"),
        (
            "main.js",
            "import { wasmAtStart, strings } from \"./wasm.js\";\n\
             globalThis.result = [atob(wasmAtStart), strings.hi];\n",
        ),
        (
            "wasm.js",
            "import * as strings from './lib/strings.js';\n\
             export const wasmAtStart = globalThis.SEPAL_WASM_BASE64;\n\
             export { strings };\n",
        ),
        ("lib/strings.js", "export const hi = `hi </script> <!-- ${1 + 1}`;\n"),
        ("page.js", "globalThis.result.push('page', import.meta.url !== undefined);\n"),
        ("pkg/sepal_bg.wasm", "wasm"),
    ];
    for (path, text) in files {
        fs::create_dir_all(www.join(path).parent().unwrap()).unwrap();
        fs::write(www.join(path), text).unwrap();
    }
    let page = single_file(&www, &esbuild, &dir.join("bundle")).unwrap();
    assert!(page.contains("<style>\nbody { color: red }\n</style>"), "{page}");
    assert!(
        !page.contains(" src=") && !page.contains("preload"),
        "nothing is fetched: {page}"
    );
    assert_eq!(page.matches("<script").count(), 1, "one script: {page}");
    assert_eq!(page.matches("</script>").count(), 1, "the script ends once: {page}");
    assert!(!page.contains("<!--"), "{page}");
    // The policy allows the script by the hash of its exact text.
    let text = page
        .split("<script type=\"module\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let policy = serve::content_security_policy(serve::Scripts::Inline(&[script_hash(text)]));
    assert!(
        page.starts_with(&format!(
            "<!doctype html>\n<head>\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        )),
        "{page}"
    );

    // Run the bundle: node evaluates it as a module, like the page would.
    let script = page
        .split("<script type=\"module\">\n")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(script.starts_with(&format!("{COMPILE_HINT}\n")), "{script}");
    let check = format!("{script}\nconsole.log(JSON.stringify(globalThis.result));\n");
    let output = process::Command::new("node")
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
            r#"["wasm","hi </script> <!-- 2","page",true]"#
        );
    }
    let _ = fs::remove_dir_all(dir);
}
