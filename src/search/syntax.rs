//! The query syntax: the user's text parsed once, by tantivy's own grammar, into a tree, and
//! the rewrites dateline makes on that tree (`AND NOT`, `place:` and `mentions:`, `word*`).
//! Errors name the user's text and the place in it that is wrong.
//!
//! It must not read the index: a rewrite that needs indexed words (prefixes) is handed a
//! function that finds them. Turning the tree into tantivy queries is `query`'s work.

use tantivy::query_grammar::{
    self as grammar, Delimiter, Occur, UserInputAst, UserInputLeaf, UserInputLiteral,
};

use super::filters::unknown_place;
use crate::error::{Error, Result};
use crate::places;

/// A parsed query.
pub(super) type Tree = UserInputAst;

/// Deepest bracket nesting a query may have.
pub const MAX_NESTING: usize = 32;

/// What to tell a user whose query does not parse.
const SYNTAX_HINT: &str = "check quotes and parentheses, and write operators as AND, OR, NOT";

/// The deepest nesting of brackets outside quoted phrases.
pub fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut max, mut quoted) = (0usize, 0usize, false);
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => {
                depth += 1;
                max = max.max(depth);
            }
            ')' | ']' | '}' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// The user's query as a tree; a syntax error says where in their text it is.
pub(super) fn parse(query: &str) -> Result<Tree> {
    // The grammar recurses per bracket; a hostile query must not overflow the stack.
    if nesting_depth(query) > MAX_NESTING {
        return Err(Error::Query(format!(
            "brackets nested more than {MAX_NESTING} deep; simplify the query"
        )));
    }
    let (tree, errors) = grammar::parse_query_lenient(query);
    if let Some(first) = errors.first() {
        return Err(syntax_error(query, first.pos, &first.message));
    }
    // The lenient parser recovers from everything it reports; the strict one is the judge.
    if grammar::parse_query(query).is_err() {
        let last = query.split_whitespace().last().unwrap_or_default();
        let message = if matches!(last, "AND" | "OR" | "NOT") {
            format!("expected a word after {last}")
        } else {
            "the query does not parse".to_string()
        };
        return Err(syntax_error(query, query.len(), &message));
    }
    Ok(tree)
}

fn syntax_error(query: &str, pos: usize, message: &str) -> Error {
    let message = message.replace("\\\"", "\"");
    let rest = query.get(pos..).unwrap_or("").trim_end();
    let place = if rest.is_empty() {
        "at the end".to_string()
    } else {
        let column = query[..pos].chars().count() + 1;
        let shown: String = rest.chars().take(20).collect();
        format!("at character {column} ({shown:?})")
    };
    Error::Query(format!(
        "{query:?}: syntax error {place}: {message}; {SYNTAX_HINT}"
    ))
}

/// `a AND NOT b` as `a NOT b`: the grammar reads the former as `a AND (NOT b)`, and a clause
/// of only negations matches nothing, so the whole query would find nothing.
pub(super) fn and_not_as_not(tree: Tree) -> Tree {
    match tree {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .flat_map(|(occur, sub)| match (occur, and_not_as_not(sub)) {
                    (None | Some(Occur::Must), UserInputAst::Clause(inner))
                        if !inner.is_empty()
                            && inner.iter().all(|(o, _)| *o == Some(Occur::MustNot)) =>
                    {
                        inner
                    }
                    (occur, sub) => vec![(occur, sub)],
                })
                .collect(),
        ),
        UserInputAst::Boost(sub, boost) => {
            UserInputAst::Boost(Box::new(and_not_as_not(*sub)), boost)
        }
        leaf => leaf,
    }
}

/// `place:NAME` also matches articles tagged with that place (by any alias) or a place
/// inside it: `place:NAME OR places:/id/path`. `mentions:NAME` becomes the facet of the
/// place so called (`mentioned:/id/path`); a name the gazetteer does not know is an error.
pub(super) fn with_places(tree: Tree) -> Result<Tree> {
    map_literals(tree, &mut |literal| match literal.field_name.as_deref() {
        Some("place") => Ok(match places::resolve_place(&literal.phrase) {
            Some(r) => {
                let paths = places::id_paths_within(&r.place);
                let tagged = paths.iter().map(|p| leaf(word(Some("places"), p)));
                UserInputAst::or(std::iter::once(leaf(literal)).chain(tagged).collect())
            }
            None => leaf(literal),
        }),
        Some("mentions") => places::resolve_place(&literal.phrase)
            .map(|r| {
                let paths = places::id_paths_within(&r.place);
                UserInputAst::or(
                    paths
                        .iter()
                        .map(|p| leaf(word(Some("mentioned"), p)))
                        .collect(),
                )
            })
            .ok_or_else(|| unknown_place("mentions:", &literal.phrase)),
        _ => Ok(leaf(literal)),
    })
}

/// Each `word*` (and quoted `"word"*`) as the OR of the indexed words it starts, which
/// `words(field, prefix)` finds (`None` when the field is unknown: building the query then
/// names it). tantivy's parser supports prefixes only at the end of a phrase of two or
/// more words, which stay as they are.
pub(super) fn expand_prefixes(
    tree: Tree,
    words: &mut impl FnMut(Option<&str>, &str) -> Result<Option<Vec<String>>>,
) -> Result<Tree> {
    map_literals(tree, &mut |literal| {
        let Some(prefix) = prefix_of(&literal) else {
            return Ok(leaf(literal));
        };
        let field = literal.field_name.as_deref();
        Ok(match words(field, prefix)? {
            None => leaf(literal),
            // Nothing starts so: the bare prefix matches nothing either.
            Some(found) if found.is_empty() => leaf(word(field, prefix)),
            Some(found) => UserInputAst::or(found.iter().map(|w| leaf(word(field, w))).collect()),
        })
    })
}

/// The prefix a literal asks for, if it is one word ending in `*`.
fn prefix_of(literal: &UserInputLiteral) -> Option<&str> {
    let phrase = literal.phrase.as_str();
    let prefix = match literal.delimiter {
        Delimiter::None => phrase.strip_suffix('*')?,
        _ if literal.prefix => phrase,
        _ => return None,
    };
    let one_word =
        !prefix.is_empty() && !prefix.contains('*') && !prefix.chars().any(char::is_whitespace);
    one_word.then_some(prefix)
}

/// The words of a query of plain words (no fields, operators, quotes or prefixes), which
/// earn a proximity boost when they stand close together.
pub(super) fn plain_words(tree: &Tree) -> Option<Vec<&str>> {
    let UserInputAst::Clause(clauses) = tree else {
        return None;
    };
    clauses
        .iter()
        .map(|(occur, sub)| match (occur, sub) {
            (None, UserInputAst::Leaf(l)) => match l.as_ref() {
                UserInputLeaf::Literal(lit)
                    if lit.field_name.is_none()
                        && lit.delimiter == Delimiter::None
                        && !lit.prefix
                        && lit.phrase.chars().all(char::is_alphanumeric) =>
                {
                    Some(lit.phrase.as_str())
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// A quoted phrase of `words` within `slop` positions, in the default fields.
pub(super) fn phrase(words: &[&str], slop: u32) -> Tree {
    leaf(UserInputLiteral {
        field_name: None,
        phrase: words.join(" "),
        delimiter: Delimiter::DoubleQuotes,
        slop,
        prefix: false,
    })
}

/// The first "exists" (`title:*`, `true`) or regex (`title:/st.rm/`, `false`) leaf whose
/// field `usable` refuses: tantivy's parser builds those without looking the field up, and
/// the search would fail instead of the query.
pub(super) fn unusable_field<'t>(
    tree: &'t Tree,
    usable: &impl Fn(&str, bool) -> bool,
) -> Option<&'t str> {
    match tree {
        UserInputAst::Clause(clauses) => clauses
            .iter()
            .find_map(|(_, sub)| unusable_field(sub, usable)),
        UserInputAst::Boost(sub, _) => unusable_field(sub, usable),
        UserInputAst::Leaf(l) => match l.as_ref() {
            UserInputLeaf::Exists { field } => (!usable(field, true)).then_some(field.as_str()),
            UserInputLeaf::Regex {
                field: Some(field), ..
            } => (!usable(field, false)).then_some(field.as_str()),
            _ => None,
        },
    }
}

/// Applies `rewrite` to every literal of the tree.
fn map_literals(
    tree: Tree,
    rewrite: &mut impl FnMut(UserInputLiteral) -> Result<Tree>,
) -> Result<Tree> {
    Ok(match tree {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| Ok((occur, map_literals(sub, rewrite)?)))
                .collect::<Result<_>>()?,
        ),
        UserInputAst::Boost(sub, boost) => {
            UserInputAst::Boost(Box::new(map_literals(*sub, rewrite)?), boost)
        }
        UserInputAst::Leaf(l) => match *l {
            UserInputLeaf::Literal(literal) => rewrite(literal)?,
            other => UserInputAst::Leaf(Box::new(other)),
        },
    })
}

fn word(field: Option<&str>, text: &str) -> UserInputLiteral {
    UserInputLiteral {
        field_name: field.map(str::to_string),
        phrase: text.to_string(),
        delimiter: Delimiter::None,
        slop: 0,
        prefix: false,
    }
}

fn leaf(literal: UserInputLiteral) -> Tree {
    UserInputAst::from(UserInputLeaf::Literal(literal))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as tantivy's grammar prints it: `+` must, `-` must not, `?` should, `*`
    /// the default.
    fn shown(tree: &Tree) -> String {
        format!("{tree:?}")
    }

    fn parsed(query: &str) -> Tree {
        parse(query).expect("query parses")
    }

    fn error(query: &str) -> String {
        parse(query).expect_err("a syntax error").to_string()
    }

    #[test]
    fn words_fields_phrases_and_operators_parse_into_one_tree() {
        assert_eq!(shown(&parsed("Hong Kong")), "(*Hong *Kong)");
        assert_eq!(
            shown(&parsed("title:fire OR \"gas price\"~3")),
            "(?\"title\":fire ?\"gas price\"~3)"
        );
        assert_eq!(shown(&parsed("+a -b")), "(+a -b)");
        assert_eq!(
            shown(&parsed("published:[2019-01-01 TO 2019-12-31]")),
            "\"published\":[\"2019-01-01\" TO \"2019-12-31\"]"
        );
    }

    #[test]
    fn a_syntax_error_points_at_the_users_text() {
        let unclosed = error("x AND (");
        assert!(
            unclosed.starts_with("invalid query: \"x AND (\": syntax error at the end"),
            "{unclosed}"
        );
        assert!(unclosed.contains(SYNTAX_HINT), "{unclosed}");
        let stray = error("fire) smoke");
        assert!(stray.contains("at character 5 (\") smoke\")"), "{stray}");
        let quote = error("a \"b");
        assert!(quote.contains("missing delimiter \""), "{quote}");
        assert!(error("fire AND").contains("at the end: expected a word after AND"));
        // Character positions count characters, not bytes.
        assert!(
            error("é) x").contains("at character 2"),
            "{}",
            error("é) x")
        );
    }

    #[test]
    fn brackets_nested_too_deep_are_refused_before_parsing() {
        let deep = format!(
            "{}a{}",
            "(".repeat(MAX_NESTING + 1),
            ")".repeat(MAX_NESTING + 1)
        );
        assert!(error(&deep).contains("nested more than"));
        assert_eq!(nesting_depth("a AND (b OR (c))"), 2);
        assert_eq!(nesting_depth("\"((((\" x"), 0);
    }

    #[test]
    fn and_not_is_read_as_not() {
        assert_eq!(shown(&and_not_as_not(parsed("a AND NOT b"))), "(+a -b)");
        assert_eq!(
            shown(&and_not_as_not(parsed("a AND NOT b AND NOT c"))),
            "(+a -b -c)"
        );
        assert_eq!(
            shown(&and_not_as_not(parsed("x OR (a AND NOT b)"))),
            "(?x ?(+a -b))"
        );
        // A negation under OR keeps its meaning (and tantivy's).
        assert_eq!(
            shown(&and_not_as_not(parsed("a OR NOT b"))),
            shown(&parsed("a OR NOT b"))
        );
    }

    #[test]
    fn place_matches_the_name_or_the_tagged_place_and_what_it_holds() {
        let tree = with_places(parsed("place:Kazakhstan fire")).unwrap();
        let place = places::resolve_place("Kazakhstan").unwrap().place;
        assert_eq!(
            shown(&tree),
            format!(
                "(*(?\"place\":Kazakhstan ?\"places\":{}) *fire)",
                places::id_path(&place)
            )
        );
        // A quoted name of two words is one place.
        let quoted = shown(&with_places(parsed("place:\"New York\"")).unwrap());
        assert!(quoted.contains("\"places\":/"), "{quoted}");
        // A continent covers the stories about each country on it.
        let kenya = places::id_path(&places::resolve_place("Kenya").unwrap().place);
        let africa = shown(&with_places(parsed("place:Africa")).unwrap());
        assert!(africa.contains(&format!("?\"places\":{kenya}")), "{africa}");
        // A name the gazetteer does not know stays a word of the place field.
        assert_eq!(
            shown(&with_places(parsed("place:Qwzxv")).unwrap()),
            "\"place\":Qwzxv"
        );
    }

    #[test]
    fn mentions_is_the_mentioned_place_and_an_unknown_name_an_error() {
        let place = places::resolve_place("Oral").unwrap().place;
        assert_eq!(
            shown(&with_places(parsed("mentions:Oral")).unwrap()),
            format!("\"mentioned\":{}", places::id_path(&place))
        );
        let err = with_places(parsed("mentions:Gerogia"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("mentions: \"Gerogia\""), "{err}");
        assert!(err.contains("did you mean"), "{err}");
    }

    #[test]
    fn a_prefix_becomes_the_words_it_starts_in_its_field() {
        let mut asked = Vec::new();
        let mut words = |field: Option<&str>, prefix: &str| {
            asked.push((field.map(str::to_string), prefix.to_string()));
            Ok(Some(match prefix {
                "prot" => vec!["protest".to_string(), "protests".to_string()],
                _ => vec![],
            }))
        };
        let tree = expand_prefixes(
            parsed("prot* AND url:http* AND \"big bad wo\"*"),
            &mut words,
        );
        assert_eq!(
            shown(&tree.unwrap()),
            "(+(?protest ?protests) +\"url\":http +\"big bad wo\"*)"
        );
        assert_eq!(
            asked,
            [
                (None, "prot".to_string()),
                (Some("url".to_string()), "http".to_string())
            ]
        );
        // A quoted single word with `*` is a prefix too (tantivy refuses it otherwise).
        let one = expand_prefixes(parsed("\"prot\"*"), &mut |_, _| {
            Ok(Some(vec!["protest".into()]))
        });
        assert_eq!(shown(&one.unwrap()), "protest");
        // An unknown field is left for the query builder to name.
        let unknown = expand_prefixes(parsed("nosuch:ab*"), &mut |_, _| Ok(None));
        assert_eq!(shown(&unknown.unwrap()), "\"nosuch\":ab*");
    }

    #[test]
    fn only_plain_words_earn_the_proximity_boost() {
        assert_eq!(
            plain_words(&parsed("gas price")),
            Some(vec!["gas", "price"])
        );
        for query in [
            "gas AND price",
            "title:gas price",
            "\"gas price\"",
            "gas pri*",
            "gas",
        ] {
            assert_eq!(plain_words(&parsed(query)), None, "{query}");
        }
        assert_eq!(shown(&phrase(&["gas", "price"], 4)), "\"gas price\"~4");
    }
}
