//! The layers of `src/`, enforced: every `crate::…` path in a module of the library
//! (its `use` lines and paths written inline) must name a module its layer may import.
//! The directions, top to bottom:
//!
//! ```text
//! web, seed, control ─► app ─► auth, error ─► service ─► views, search, mail, import,
//!            webhooks ─► store
//!            ─► access, config ─► domain ─► i18n ─► codes, clock, links, secrets
//! ```
//!
//! A module may import only what its row below allows; a new top-level module fails the
//! test until it is given a row.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module of `src/` and the modules it may import.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "web",
        &[
            "app", "auth", "error", "service", "views", "search", "mail", "import", "store",
            "access", "config", "domain", "i18n", "codes", "clock", "links", "metrics",
        ],
    ),
    (
        "control",
        &[
            "app", "service", "search", "store", "access", "config", "domain", "i18n", "views",
            "codes", "clock",
        ],
    ),
    (
        "seed",
        &[
            "service", "search", "import", "store", "access", "config", "domain", "i18n", "codes",
            "clock", "secrets",
        ],
    ),
    (
        "app",
        &[
            "auth", "service", "search", "mail", "import", "store", "access", "config", "domain",
            "i18n", "codes", "clock", "secrets",
        ],
    ),
    (
        "auth",
        &[
            "error", "store", "access", "config", "domain", "i18n", "codes", "clock", "links",
            "secrets",
        ],
    ),
    ("error", &["service", "store", "i18n"]),
    (
        "service",
        &[
            "views", "search", "mail", "import", "store", "access", "config", "domain", "i18n",
            "codes", "clock", "links", "secrets", "metrics", "webhooks",
        ],
    ),
    ("webhooks", &[]),
    (
        "views",
        &[
            "search", "import", "store", "access", "config", "domain", "i18n", "codes", "clock",
            "links",
        ],
    ),
    (
        "search",
        &[
            "store", "access", "config", "domain", "i18n", "codes", "clock",
        ],
    ),
    (
        "mail",
        &[
            "store", "access", "config", "domain", "i18n", "codes", "clock",
        ],
    ),
    (
        "import",
        &[
            "store", "access", "config", "domain", "i18n", "codes", "clock",
        ],
    ),
    (
        "store",
        &["access", "domain", "i18n", "codes", "clock", "metrics"],
    ),
    ("access", &["domain", "codes"]),
    ("config", &["domain", "i18n", "codes"]),
    ("domain", &["i18n", "codes"]),
    ("i18n", &["codes"]),
    ("codes", &[]),
    ("clock", &[]),
    ("links", &[]),
    ("secrets", &[]),
    ("metrics", &[]),
];

/// `(file, line, imported module)` for every `crate::<module>` in a Rust file's code.
fn crate_paths(file: &Path, out: &mut Vec<(String, usize, String)>) {
    let text = std::fs::read_to_string(file).unwrap();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let module: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !module.is_empty() {
                out.push((file.display().to_string(), n + 1, module));
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut unplaced = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        // The crate root and the binary list and wire every module.
        if top == "lib" || top == "main" {
            continue;
        }
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == top) else {
            unplaced.insert(top);
            continue;
        };
        let mut paths = Vec::new();
        crate_paths(file, &mut paths);
        for (file, line, module) in paths {
            if module != top && !allowed.contains(&module.as_str()) {
                wrong.push(format!("{file}:{line}: {top} imports {module}"));
            }
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules without a layer (add them to ALLOWED): {unplaced:?}"
    );
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layering_has_no_circle() {
    // Every allowed direction points down: no module may import one that may import it.
    for (module, allowed) in ALLOWED {
        for other in *allowed {
            let back = ALLOWED
                .iter()
                .find(|(m, _)| m == other)
                .is_some_and(|(_, theirs)| theirs.contains(module));
            assert!(!back, "{module} and {other} may import each other");
        }
    }
}

/// What only a use case does: compose a mail, hash a secret or make a token, write an
/// audit entry or collect effects, open a write transaction.
const USE_CASE_ONLY: &[&str] = &[
    "mail::templates",
    "compose(",
    "hasher.",
    "secrets::",
    "store::effects",
    "Entry::new",
    ".entry(",
    ".write()",
];

#[test]
fn pages_parse_call_a_use_case_and_pick_a_view() {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut files = Vec::new();
    rust_files(&web, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for needle in USE_CASE_ONLY {
                if code.contains(needle) {
                    wrong.push(format!("{}:{}: {needle}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "handlers doing a use case's work (move it to src/service/):\n{}",
        wrong.join("\n")
    );
}

/// The files that may name the embedded backend (`store::Store`) outside `src/store/`:
/// the places that open it. Everything else works with `dyn Storage`, so a second
/// backend behind the same traits changes nothing above the store.
const OPENS_THE_STORE: &[&str] = &["src/lib.rs", "src/main.rs"];

/// Whether a line names the embedded backend: its type `Store` (a whole word, not a
/// variant like `Store(StoreError)`) or its database, redb.
fn names_backend(code: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    code.contains("redb")
        || code.match_indices("Store").any(|(i, _)| {
            let after = code[i + 5..].chars().next();
            !code[..i].ends_with(word) && !after.is_some_and(|c| word(c) || c == '(')
        })
}

#[test]
fn only_the_start_up_names_the_storage_backend() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/store/") || OPENS_THE_STORE.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        // A module's own tests may open a store in a temporary directory.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if names_backend(code) {
                wrong.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "code above the store naming its backend (use `dyn Storage`):\n{}",
        wrong.join("\n")
    );
}
