//! Page furniture inside the chosen article: "Related" and "More from" lists, captions
//! and credits, share and rating prompts, disclaimers, the teaser cards after the story.
//! Readability keeps them when they sit in the story's container. Each leaf block of
//! the chosen HTML gets features (its shape, links, position, neighbours, first words)
//! and a learned model says which are furniture; the weights are data
//! (`data/furniture-model.tsv`, written by `tools/train-furniture-model` from the
//! development split of the news-pages references that are not AGPL), embedded at build
//! time.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dom_query::{Document, NodeId, NodeRef};

use crate::learn::Weights;

/// A block is dropped when the model is at least this sure it is furniture, and only
/// before the story's first paragraph of prose or after its last: inside the story a
/// list of links or a short line is too often the story's own (a blog's list of items).
/// Chosen on the development split, where dragnet's pages (never learned from) show
/// that a lower level loses more story than furniture.
const THRESHOLD: f32 = 0.85;
const BEFORE_PROSE: &str = "before_prose";
const AFTER_PROSE: &str = "after_prose";

/// Elements that make a block of text of their own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "figcaption",
    "pre",
    "td",
    "th",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "figure",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "main",
    "caption",
    "address",
    "details",
    "summary",
];

/// Ancestors worth naming as features: where in the story's structure a block sits.
const CONTEXT_TAGS: &[&str] = &[
    "li",
    "figure",
    "aside",
    "table",
    "blockquote",
    "header",
    "footer",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
];

/// One leaf block of the chosen article: its text and its features.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    pub features: Vec<String>,
}

/// The shipped model.
fn model() -> &'static Weights {
    static MODEL: OnceLock<Weights> = OnceLock::new();
    MODEL.get_or_init(|| Weights::parse(include_str!("../../data/furniture-model.tsv")))
}

/// The article HTML without the blocks the model takes for furniture.
pub fn without_furniture(html: &str) -> String {
    without_furniture_by(html, model())
}

fn without_furniture_by(html: &str, weights: &Weights) -> String {
    if weights.is_empty() {
        return html.to_string();
    }
    let doc = Document::from(html);
    let leaves = leaf_blocks(&doc);
    let blocks = describe(&leaves);
    let mut dropped = false;
    for (node, block) in leaves.iter().zip(&blocks) {
        let outside = block
            .features
            .iter()
            .any(|f| f == AFTER_PROSE || f == BEFORE_PROSE);
        if outside && weights.probability(&block.features) >= THRESHOLD {
            node.remove_from_parent();
            dropped = true;
        }
    }
    if dropped {
        doc.select("body").html().to_string()
    } else {
        html.to_string()
    }
}

/// The leaf blocks of an article's HTML with their features, as the model sees them.
pub fn blocks(html: &str) -> Vec<Block> {
    let doc = Document::from(html);
    describe(&leaf_blocks(&doc))
}

fn is_block(node: &NodeRef) -> bool {
    node.node_name()
        .is_some_and(|name| BLOCK_TAGS.contains(&name.as_ref()))
}

/// Block elements that hold no other block element and some text, in document order.
fn leaf_blocks(doc: &Document) -> Vec<NodeRef<'_>> {
    let all = doc.select("body *");
    let nodes: Vec<NodeRef> = all
        .nodes()
        .iter()
        .filter(|n| is_block(n))
        .cloned()
        .collect();
    let mut holders: HashSet<NodeId> = HashSet::new();
    for node in &nodes {
        if let Some(parent) = node.ancestors_it(None).find(is_block) {
            holders.insert(parent.id);
        }
    }
    nodes
        .into_iter()
        .filter(|n| !holders.contains(&n.id) && n.text().chars().any(char::is_alphanumeric))
        .collect()
}

/// What the features are computed from.
struct Shape {
    text: String,
    tag: String,
    words: usize,
    links: f32,
    ancestors: Vec<&'static str>,
}

fn shape(node: &NodeRef) -> Shape {
    let text = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = count(&text).max(1);
    // One walk up the tree gives every context tag (and whether the block is a link).
    let above: HashSet<String> = node
        .ancestors_it(None)
        .filter_map(|a| a.node_name().map(|n| n.to_string()))
        .collect();
    let in_link = above.contains("a");
    let link_chars: usize = if in_link {
        chars
    } else {
        node.descendants_it()
            .filter(|d| d.has_name("a"))
            .map(|a| count(&a.text()))
            .sum()
    };
    let ancestors = CONTEXT_TAGS
        .iter()
        .copied()
        .filter(|tag| above.contains(*tag))
        .collect();
    Shape {
        tag: node.node_name().map(|n| n.to_string()).unwrap_or_default(),
        words: text.split_whitespace().count(),
        links: (link_chars.min(chars) as f32) / chars as f32,
        ancestors,
        text,
    }
}

fn count(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn words_bucket(n: usize) -> &'static str {
    match n {
        0..=1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        13..=25 => "13-25",
        26..=60 => "26-60",
        _ => "61+",
    }
}

fn links_bucket(share: f32) -> &'static str {
    if share <= 0.0 {
        "none"
    } else if share < 0.34 {
        "some"
    } else if share < 0.67 {
        "half"
    } else if share < 1.0 {
        "most"
    } else {
        "all"
    }
}

fn char_class(c: Option<char>) -> &'static str {
    match c {
        None => "none",
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？') => "stop",
        Some(':') => "colon",
        Some('"' | '”' | '“' | '»' | '«' | '\'' | '’') => "quote",
        Some(')' | ']') => "paren",
        Some(c) if c.is_numeric() => "digit",
        Some(c) if c.is_uppercase() => "upper",
        Some(c) if c.is_lowercase() => "lower",
        Some(c) if c.is_alphabetic() => "letter",
        Some(_) => "other",
    }
}

/// The first word, lower-cased and without punctuation: the model learns which words
/// open furniture ("related", "foto", "lesen") from the references.
fn first_words(text: &str) -> (String, String) {
    let mut words = text.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let both = format!("{first} {second}");
    (first, both)
}

/// What a block shows by itself: its tag and place in the markup, length, links,
/// punctuation, first words, case and marks.
fn own_features(s: &Shape) -> Vec<String> {
    let mut f: Vec<String> = vec!["bias".into()];
    let words = words_bucket(s.words);
    let links = links_bucket(s.links);
    f.push(format!("tag={}", s.tag));
    f.push(format!("words={words}"));
    f.push(format!("links={links}"));
    f.push(format!("tag,links={},{links}", s.tag));
    f.push(format!("words,links={words},{links}"));
    for a in &s.ancestors {
        f.push(format!("in={a}"));
    }
    let end = char_class(s.text.chars().last());
    f.push(format!("end={end}"));
    f.push(format!("words,end={words},{end}"));
    f.push(format!("start={}", char_class(s.text.chars().next())));
    if s.words <= 15 {
        let (first, both) = first_words(&s.text);
        f.push(format!("w1={first}"));
        f.push(format!("w2={both}"));
    }
    let letters = s.text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.text.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 4 && upper * 10 >= letters * 7 {
        f.push("caps".into());
    }
    let capitalised = s
        .text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if s.words >= 3 && capitalised * 5 >= s.words * 3 {
        f.push("title_case".into());
        f.push(format!("title_case,links={links}"));
    }
    let digits = s.text.chars().filter(|c| c.is_numeric()).count();
    if digits * 5 >= count(&s.text) {
        f.push("digits".into());
    }
    for (mark, name) in [
        ('©', "copyright"),
        ('|', "pipe"),
        ('@', "at"),
        ('/', "slash"),
    ] {
        if s.text.contains(mark) {
            f.push(name.into());
        }
    }
    if s.text.contains("http") || s.text.contains("www.") {
        f.push("url".into());
    }
    f
}

/// Each block's own features and those of its context: position, neighbours, the
/// story's prose around it and the heading it sits under.
fn describe(leaves: &[NodeRef]) -> Vec<Block> {
    let shapes: Vec<Shape> = leaves.iter().map(shape).collect();
    let total: usize = shapes.iter().map(|s| count(&s.text)).sum::<usize>().max(1);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    // The story's own paragraphs: long, sentence-like, few links. Furniture sits before
    // the first or after the last of them, or under a heading of its own.
    let prose = |s: &Shape| s.words >= 20 && s.links < 0.34;
    let first_prose = shapes.iter().position(prose);
    let last_prose = shapes.iter().rposition(prose);
    let mut section: Option<String> = None;
    let mut before = 0usize;
    let mut blocks = Vec::with_capacity(shapes.len());
    for (i, s) in shapes.iter().enumerate() {
        let mut f = own_features(s);
        let links = links_bucket(s.links);
        let end = char_class(s.text.chars().last());
        let repeats = seen.entry(s.text.as_str()).or_default();
        if *repeats > 0 {
            f.push("repeat".into());
        }
        *repeats += 1;
        f.push(format!("pos={}", (before * 10 / total).min(9)));
        before += count(&s.text);
        let from_end = shapes.len() - i;
        f.push(format!("from_end={}", from_end.min(4)));
        f.push(format!("from_start={}", (i + 1).min(3)));
        for (side, j) in [("prev", i.checked_sub(1)), ("next", Some(i + 1))] {
            match j.and_then(|j| shapes.get(j)) {
                Some(o) => {
                    let (ow, ol) = (words_bucket(o.words), links_bucket(o.links));
                    f.push(format!("{side}_tag={}", o.tag));
                    f.push(format!("{side}_words={ow}"));
                    f.push(format!("{side}_links={ol}"));
                    f.push(format!("{side}_links,links={ol},{links}"));
                    f.push(format!("{side}_end={}", char_class(o.text.chars().last())));
                }
                None => f.push(format!("{side}=none")),
            }
        }
        match (first_prose, last_prose) {
            (Some(first), Some(last)) => {
                if i < first {
                    f.push(BEFORE_PROSE.into());
                } else if i > last {
                    f.push(AFTER_PROSE.into());
                    f.push(format!("after_prose,links={links}"));
                }
            }
            _ => f.push("no_prose".into()),
        }
        let window = shapes[i.saturating_sub(3)..(i + 4).min(shapes.len())]
            .iter()
            .filter(|o| o.links >= 0.67)
            .count();
        f.push(format!("linked_near={}", window.min(4)));
        if let Some(heading) = &section {
            f.push(format!("under={heading}"));
        }
        let heading_like = s.tag.starts_with('h') && s.tag.len() == 2
            || (s.words <= 6 && !matches!(end, "stop" | "quote") && s.links < 0.5);
        if heading_like {
            section = Some(first_words(&s.text).0);
        } else if prose(s) {
            section = None;
        }
        blocks.push(Block {
            text: s.text.clone(),
            features: f,
        });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaf_blocks_are_the_innermost_blocks_in_order() {
        let html = "<div><p>One story sentence.</p><ul><li><a href=/a>Other story</a></li>\
                    <li><a href=/b>Another one</a></li></ul><div>Tail <b>text</b></div></div>";
        let texts: Vec<String> = blocks(html).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "One story sentence.",
                "Other story",
                "Another one",
                "Tail text"
            ]
        );
        let b = blocks(html);
        assert!(b[1].features.contains(&"links=all".to_string()));
        assert!(b[1].features.contains(&"tag=li".to_string()));
        assert!(b[0].features.contains(&"links=none".to_string()));
        assert!(b[0].features.contains(&"end=stop".to_string()));
    }

    #[test]
    fn blocks_the_model_takes_for_furniture_are_removed() {
        let weights = Weights::parse("links=all\t5\nbias\t-3\n");
        let html = format!("{STORY}<ul><li><a href=/x>Epstein case: new papers</a></li></ul>");
        let kept = without_furniture_by(&html, &weights);
        assert!(kept.contains("close the old bridge"), "{kept}");
        assert!(!kept.contains("Epstein"), "{kept}");
        // Inside the story, the same list stays.
        let inside =
            format!("{STORY}<ul><li><a href=/x>Epstein case: new papers</a></li></ul>{STORY}");
        assert!(without_furniture_by(&inside, &weights).contains("Epstein"));
        // No weights, no change.
        assert_eq!(without_furniture_by(&html, &Weights::default()), html);
    }

    const STORY: &str = "<p>The council voted on Monday to close the old bridge over the river \
        for a year of repairs, after engineers found cracks in two of its three main piers.</p>\
        <p>Drivers will be sent through the town centre, and the ferry will run every half \
        hour from next week, the council's transport officer said after the meeting.</p>";

    #[test]
    fn the_shipped_model_drops_related_headlines_and_credits_after_the_story() {
        let html = format!(
            "{STORY}<p>Photo: Reuters/Jane Smith</p><h3>Related stories</h3><ul>\
             <li><a href=/a>Epstein Files Show New Names In Court Papers</a></li>\
             <li><a href=/b>Striker Signs Four-Year Deal With City Rivals</a></li>\
             <li><a href=/c>Ten Things To Do In Town This Weekend</a></li></ul>"
        );
        let kept = without_furniture(&html);
        assert!(
            kept.contains("close the old bridge") && kept.contains("ferry will run"),
            "{kept}"
        );
        for furniture in ["Epstein", "Striker", "Ten Things"] {
            assert!(!kept.contains(furniture), "{furniture} kept: {kept}");
        }
    }
}
