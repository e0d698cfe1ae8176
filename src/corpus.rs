//! Walking the corpus: which files are pages or web archives, and the path each is known
//! by.
//!
//! This module only finds files; it never reads or parses them.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// File name endings that hold saved pages (compared without regard to case).
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml", "mht", "mhtml"];

/// A page found in the corpus. A run holds one per page, so it is kept small: the id
/// only, and the full path just when the id cannot give it back.
#[derive(Debug, Clone)]
pub struct PageFile {
    /// Its id: the path relative to the corpus root, `/`-separated.
    pub rel: Box<str>,
    /// Where to read it, when that is not `root/rel` (a name that is not UTF-8).
    unusual_path: Option<Box<Path>>,
}

impl PageFile {
    /// Where to read the page, given the root it was walked from.
    pub fn path(&self, root: &Path) -> Cow<'_, Path> {
        match &self.unusual_path {
            Some(path) => Cow::Borrowed(path),
            None => Cow::Owned(root.join(&*self.rel)),
        }
    }
}

/// Something under the corpus root that could not be walked (a symlink loop, a folder
/// without permission). The walk goes on past it.
#[derive(Debug, Clone)]
pub struct WalkProblem {
    pub path: PathBuf,
    pub reason: String,
}

/// Whether a file name ends in one of the [`PAGE_EXTENSIONS`], or in one of them and
/// `.gz` (a gzipped page, `story.html.gz`).
pub fn is_page(path: &Path) -> bool {
    let name = if is_gzipped(path) {
        path.file_stem().map(Path::new)
    } else {
        Some(path)
    };
    name.and_then(|n| n.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}

/// Whether a file name ends in `.warc`, `.warc.gz` or `.wacz` (compared without regard
/// to case): a web archive, whose records are pages.
pub fn is_archive(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz") || name.ends_with(".wacz")
}

/// Whether a file name ends in `.gz`: its bytes are read through gzip.
pub fn is_gzipped(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The id of a page: its path relative to `root` with `/` separators. A name that is not
/// valid UTF-8 keeps its readable parts (the file itself is still read by its real path).
pub fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Walks `root` for pages in a stable (sorted) order, skipping hidden folders and the
/// folders in `exclude` (the index itself). Symlinks are followed; loops are reported.
pub fn walk(
    root: &Path,
    exclude: &[PathBuf],
) -> impl Iterator<Item = Result<PageFile, WalkProblem>> {
    let exclude: Vec<PathBuf> = exclude
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let root_owned = root.to_path_buf();
    WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |entry| {
            if entry.depth() == 0 || !entry.file_type().is_dir() {
                return true;
            }
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let excluded = entry
                .path()
                .canonicalize()
                .is_ok_and(|p| exclude.contains(&p));
            !hidden && !excluded
        })
        .filter_map(move |entry| match entry {
            Ok(entry)
                if entry.file_type().is_file()
                    && (is_page(entry.path()) || is_archive(entry.path())) =>
            {
                let rel = relative_id(&root_owned, entry.path());
                let unusual_path = (root_owned.join(&rel) != entry.path())
                    .then(|| entry.into_path().into_boxed_path());
                Some(Ok(PageFile {
                    rel: rel.into_boxed_str(),
                    unusual_path,
                }))
            }
            Ok(_) => None,
            Err(err) => Some(Err(WalkProblem {
                path: err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root_owned.clone()),
                reason: walk_reason(&err),
            })),
        })
}

fn walk_reason(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!("symlink loop back to {}", ancestor.display());
    }
    match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_extensions_ignore_case() {
        for name in ["a.html", "b.HTM", "c.xhtml", "d.Shtml"] {
            assert!(is_page(Path::new(name)), "{name}");
        }
        for name in ["e.html.gz", "f.HTM.GZ"] {
            assert!(is_page(Path::new(name)), "{name}");
        }
        for name in ["a.txt", "html", "b.txt.gz", "c.gz"] {
            assert!(!is_page(Path::new(name)), "{name}");
        }
        for name in [
            "crawl.warc",
            "CC-NEWS-2019.warc.gz",
            "x.WARC.GZ",
            "site.wacz",
        ] {
            assert!(is_archive(Path::new(name)), "{name}");
        }
        assert!(!is_archive(Path::new("warc.html")));
    }

    #[test]
    fn walk_skips_hidden_and_excluded_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in [
            "a.html",
            "sub/b.htm",
            ".git/c.html",
            "index/d.html",
            "e.txt",
        ] {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "<p>x</p>").unwrap();
        }
        let found: Vec<String> = walk(root, &[root.join("index")])
            .map(|r| r.unwrap().rel.to_string())
            .collect();
        assert_eq!(found, ["a.html", "sub/b.htm"]);
    }
}
