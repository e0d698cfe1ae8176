//! Finding place names in a text: capitalised runs of words looked up in the gazetteer,
//! each with what the words around it say (part of a person's or another thing's name, an
//! aside that says nothing about where the story happens, a region's name). Which place a
//! name means is decided by the tagger, not here.

use chrono::Datelike;

use super::gazetteer::{Gazetteer, PlaceKind};
use super::normalize::normalize_name;
use super::words::*;

/// Longest place name looked up, in words ("Bosnia and Herzegovina", "Rio de Janeiro").
const MAX_NAME_WORDS: usize = 4;

/// Bytes of a text looked at for place names, and most names taken from one text.
pub(super) const MAX_TAGGED_BYTES: usize = 1 << 20;
pub(super) const MAX_MENTIONS: usize = 5_000;

/// A city outside the countries an article names is tagged only if this big.
pub(super) const BIG_CITY: u32 = 200_000;

/// One place name found in the text.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) key: String,
    /// In the headline or the first paragraphs: what the story is about.
    pub(super) prominent: bool,
    /// Right after "in", "from" or "near" (or Russian "в", "из").
    pub(super) in_from_near: bool,
    /// Before "'s" and a name ("Kenya's Daniel Kiprono"): the place is named, but says
    /// nothing about where the story happens.
    pub(super) owner: bool,
    /// Next to a capitalised word that is not a place, or after a title ("Mr", "Senator"):
    /// likely part of a person's or an organisation's name.
    pub(super) name_like: bool,
    /// Next to a word for a region ("Маңғыстау облысында", "Mangystau oblast", "the
    /// region of Piura"): the region, not the town of the same name.
    pub(super) region_word: bool,
    /// Followed by a verb of speech or decision: a government if the name is a city's.
    pub(super) government: bool,
    /// After a given name or a title ("Josh Earnest", "Mr Jackson"): a person, and so are
    /// the name's other mentions in the article.
    pub(super) person: bool,
    /// Says nothing about where the story happens: an alternative or a comparison ("go to
    /// Oxford or Stratford", "fewer peaches than California"), a neighbour ("neighboring
    /// South Sudan"), where a person lives, works or comes from ("a driver from
    /// Dorchester", "who runs a tour company in Bristol"), a plan ("will go to"), a credit
    /// line, a paragraph about years gone by, or the rest of a list that began with one.
    /// (A city standing for its government is `government`.)
    pub(super) aside: bool,
    /// In a headline or at the start of a sentence, where every word has a capital.
    pub(super) capital_says_nothing: bool,
    /// A short word in capitals inside the text ("IMO"): an abbreviation, unless it names a
    /// country ("UAE", "US").
    pub(super) acronym: bool,
    /// The name right after this one and a comma ("Cupertino, California"), which may say
    /// which of the places so called this is.
    pub(super) qualifier: Option<String>,
    /// Byte offsets of the name in its text.
    pub(super) span: std::ops::Range<usize>,
}

/// "Мангистауской области" (a Russian adjective in a case) as the region's name in the
/// nominative, "мангистауская область", when the gazetteer knows it.
fn russian_region_adjective(g: &Gazetteer, adjective: &str, next: &str) -> Option<String> {
    if !next.to_lowercase().starts_with("област") {
        return None;
    }
    let lower = adjective.to_lowercase();
    let stem = ["ской", "ская", "скую", "ском"]
        .iter()
        .find_map(|ending| lower.strip_suffix(ending))?;
    let key = normalize_name(&format!("{stem}ская область"));
    g.contains_normalized(&key).then_some(key)
}

/// A text to look for place names in.
pub(super) struct Passage<'t> {
    pub(super) text: &'t str,
    /// A headline, whose capitals say nothing about names.
    pub(super) headline: bool,
    /// Byte range of the headline or lede: what the story is about.
    pub(super) prominent: std::ops::Range<usize>,
    /// A paragraph that names a year up to this one before a name makes it background.
    pub(super) old_year: Option<i32>,
}

/// Capitalised runs of words that name a gazetteer place, longest name first.
pub(super) fn find_mentions(g: &Gazetteer, passage: &Passage) -> Vec<Mention> {
    let Passage {
        text,
        headline,
        ref prominent,
        old_year,
    } = *passage;
    // A news story names its places early and a few dozen times; a huge page (a book, a
    // dump) is tagged from its start, so that tagging costs no more than a bounded amount.
    let mut end = text.len().min(MAX_TAGGED_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let words = words_of(text);
    let lower = |at: usize| words.get(at).map(|w| w.1.to_lowercase());
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() && mentions.len() < MAX_MENTIONS {
        if !is_capitalised(words[i].1) {
            i += 1;
            continue;
        }
        // "Западно-Казахстанской области": a hyphenated Russian region adjective.
        if let (Some(second), Some(next)) = (words.get(i + 1), words.get(i + 2)) {
            let first = &words[i];
            let compound = &text[first.0..second.0 + second.1.len()];
            let hyphenated = text[first.0 + first.1.len()..second.0] == *"-";
            if let Some(key) = hyphenated
                .then(|| russian_region_adjective(g, compound, next.1))
                .flatten()
            {
                mentions.push(Mention {
                    key,
                    in_from_near: after_in_from_near(&words, i),
                    prominent: prominent.contains(&first.0),
                    name_like: false,
                    owner: false,
                    region_word: true,
                    government: false,
                    person: false,
                    aside: false,
                    capital_says_nothing: headline || sentence_start(text, first.0),
                    acronym: false,
                    qualifier: None,
                    span: first.0..second.0 + second.1.len(),
                });
                i += 3;
                continue;
            }
        }
        let mut matched = 0;
        for n in (1..=MAX_NAME_WORDS.min(words.len() - i)).rev() {
            let (first, last) = (&words[i], &words[i + n - 1]);
            if !is_capitalised(last.1) || !joined_by_space(text, &words[i..i + n]) {
                continue;
            }
            let mut key = normalize_name(&text[first.0..last.0 + last.1.len()]);
            let after = words.get(i + n);
            let after_joined = after.is_some_and(|a| joined_by_space(text, &[*last, *a]));
            // "Kazakhstan's Tokayev", "Cairo's Tahrir Square": an owner, not one name with
            // the next word.
            let owner = after.is_some_and(|a| {
                after_joined && text[last.0 + last.1.len()..a.0].contains(['\'', '’'])
            });
            let after_lower = after.map(|a| a.1.to_lowercase());
            let mut region_word = (after_joined && after.is_some_and(|a| is_region_word(a.1)))
                || (i >= 2
                    && matches!(lower(i - 1).as_deref(), Some("of" | "de" | "del"))
                    && lower(i - 2).is_some_and(|w| REGION_BEFORE_OF.contains(&w.as_str())));
            if n == 1 && !g.contains_normalized(&key) {
                if let Some(region) = after.and_then(|a| russian_region_adjective(g, first.1, a.1))
                {
                    key = region;
                    region_word = true;
                } else {
                    key = inflection_stem(g, &key).unwrap_or(key);
                }
            }
            if is_never(&key) || !g.contains_normalized(&key) {
                continue;
            }
            // "Fulton and DeKalb counties": another thing's name.
            let coordinated_plural = after_lower.as_deref() == Some("and")
                && words.get(i + n + 1).is_some_and(|w| is_capitalised(w.1))
                && lower(i + n + 2).is_some_and(|w| w.ends_with('s') && names_another_thing(&w));
            // "U.S. retail sales": initials before a noun are an adjective, like "American".
            let initials_adjective = n == 1
                && first.1.ends_with('.')
                && after_joined
                && !owner
                && after.is_some_and(|a| {
                    a.1.chars().next().is_some_and(char::is_lowercase)
                        && !FOLLOW_A_NOUN.contains(&a.1)
                });
            // "the University of California", "Institute of Technology".
            let institution_of = i >= 2
                && lower(i - 1).as_deref() == Some("of")
                && is_capitalised(words[i - 2].1)
                && lower(i - 2).is_some_and(|w| INSTITUTIONS.contains(&w.as_str()));
            // "Florida State University", "Almaty International Airport": the capitalised
            // words after the name end in another thing's name.
            let names_another = after_joined
                && !owner
                && (0..3).any(|k| {
                    let at = i + n + k;
                    words.get(at).is_some_and(|w| {
                        (k == 0
                            || (is_capitalised(w.1) && joined_by_space(text, &words[at - 1..=at])))
                            && names_another_thing(&w.1.to_lowercase())
                    }) && (0..k).all(|j| words.get(i + n + j).is_some_and(|w| is_capitalised(w.1)))
                });
            if names_another || coordinated_plural || initials_adjective || institution_of {
                matched = n;
                break;
            }
            let before = i.checked_sub(1).map(|p| &words[p]);
            let before_lower = before.map(|w| w.1.to_lowercase());
            // A neighbour that is a well-known place ("Almaty Kazakhstan"), in any case form
            // ("в Жанаозене Мангистауской области"); every surname is a small town somewhere
            // ("Forrest Jones"), so small towns do not count.
            let is_place = |at: usize| {
                let word = words[at].1;
                let key = normalize_name(word);
                let known = || {
                    g.lookup_normalized(&key)
                        .iter()
                        .any(|e| e.kind == PlaceKind::Country || e.population >= BIG_CITY)
                };
                // "Michael Jordan": a first name that is also a place is still a first name.
                (!is_never(&key) && !GUARDED.contains(&key.as_str()) && known())
                    || inflection_stem(g, &key).is_some()
                    || words
                        .get(at + 1)
                        .is_some_and(|next| russian_region_adjective(g, word, next.1).is_some())
            };
            let neighbour_is_name = |at: Option<usize>, gap_ok: bool| {
                at.is_some_and(|at| {
                    let w = words[at].1;
                    let lower = w.to_lowercase();
                    gap_ok
                        && is_capitalised(w)
                        && !PLACE_WORDS.contains(&lower.as_str())
                        && !is_function_word(&lower)
                        && !is_sentence_opener(&lower)
                        && !is_calendar_word(&lower)
                        && !is_place(at)
                })
            };
            // An owner before a name ("DoctorX's Barcelona lab", "Putin's Russia") does not
            // make it part of a name.
            let before_joined = before.is_some_and(|b| {
                joined_by_space(text, &[*b, *first])
                    && !text[b.0 + b.1.len()..first.0].contains(['\'', '’'])
            });
            let titled = before_lower.as_deref().is_some_and(|w| TITLES.contains(&w));
            let name_before = neighbour_is_name(i.checked_sub(1), before_joined)
                && !sentence_start(text, first.0);
            // A given name before ("Josh Earnest"), not a word like "Central" or "Greater",
            // nor a word that opens a sentence ("Then Warsaw closed its border"), nor any
            // word of a headline, where every word has a capital.
            let given_name = name_before
                && !headline
                && before_lower
                    .as_deref()
                    .is_some_and(|w| !is_sentence_opener(w) && !is_never(w));
            let next = Some(i + n).filter(|&a| a < words.len());
            let span = first.0..last.0 + last.1.len();
            let sentence = own_sentence(text, &span);
            let clause = clause_before(sentence, text, &span);
            mentions.push(Mention {
                key,
                in_from_near: after_in_from_near(&words, i),
                prominent: prominent.contains(&first.0),
                name_like: titled
                    || name_before
                    || (!owner && neighbour_is_name(next, after_joined))
                    // "Globe and Mail", "Washington and Lee": one name of two.
                    || (after_joined
                        && matches!(after_lower.as_deref(), Some("and" | "&"))
                        && neighbour_is_name(Some(i + n + 1).filter(|&a| a < words.len()), true)),
                // "Kenya's Daniel Kiprono", "Egypt's Muslim Brotherhood": named, but as an
                // owner; "Cairo's Tahrir Square" is still the place.
                owner: owner
                    && !headline
                    && neighbour_is_name(next, true)
                    && !(i + n + 1..i + n + 3)
                        .any(|at| lower(at).is_some_and(|w| names_another_thing(&w))),
                region_word,
                government: after_joined
                    && !after_preposition(&words, i)
                    && after_lower
                        .as_deref()
                        .is_some_and(|w| GOVERNMENT_VERBS.contains(&w)),
                person: titled || given_name,
                capital_says_nothing: headline || sentence_start(text, first.0),
                acronym: !headline && n == 1 && is_acronym(first.1),
                qualifier: None,
                aside: before_lower
                    .as_deref()
                    .is_some_and(|w| ASIDE_BEFORE.contains(&w))
                    || of_a_person(&words, i)
                    || is_credit(sentence)
                    || lives_or_works_there(clause)
                    || is_plan(clause)
                    || old_year
                        .is_some_and(|year| names_year_up_to(sentence_of(text, &span), year)),
                span,
            });
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    for k in 1..mentions.len() {
        let gap = &text[mentions[k - 1].span.end..mentions[k].span.start];
        // "Oxford or Stratford": alternatives, not where things happen.
        if matches!(gap, " or " | ", or ") {
            mentions[k - 1].aside = true;
            mentions[k].aside = true;
        }
        // A list shares its role: "from people in China, Australia and the United States".
        if mentions[k - 1].aside && matches!(gap, ", " | " and " | ", and " | " and the ") {
            mentions[k].aside = true;
        }
        if gap == ", " {
            mentions[k - 1].qualifier = Some(mentions[k].key.clone());
        }
    }
    mentions
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && !word.contains('.') && word.chars().all(|c| !c.is_lowercase())
}

/// The most of a paragraph looked at before a name.
const PARAGRAPH_BYTES: usize = 1000;

/// The paragraph up to the end of the span's sentence: a story told in the past goes on
/// after the sentence that gives its year ("In 1998, ... In retaliation, Mr. Clinton
/// ordered a strike in Khartoum.").
fn sentence_of<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let (low, _) = around(text, span);
    let start = text[low..span.start]
        .rfind('\n')
        .map_or(low, |i| low + i + 1);
    &text[start..sentence_end(text, span)]
}

/// The sentence a span of text is in.
fn own_sentence<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let (low, _) = around(text, span);
    let start = text[low..span.start]
        .match_indices(['.', '!', '?', '\n'])
        .map(|(i, _)| low + i)
        .rfind(|i| ends_sentence(text, *i))
        .map_or(low, |i| i + 1);
    &text[start..sentence_end(text, span)]
}

fn sentence_end(text: &str, span: &std::ops::Range<usize>) -> usize {
    let (_, high) = around(text, span);
    text[span.end..high]
        .match_indices(['.', '!', '?', '\n'])
        .map(|(i, _)| span.end + i)
        .find(|i| ends_sentence(text, *i))
        .unwrap_or(high)
}

/// Byte bounds at most PARAGRAPH_BYTES either side of a span, so that a page whose text has
/// no stops or breaks (a table, a binary page) costs no more per name than any other.
pub(super) fn around(text: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    let mut low = span.start.saturating_sub(PARAGRAPH_BYTES);
    while !text.is_char_boundary(low) {
        low += 1;
    }
    let mut high = (span.end + PARAGRAPH_BYTES).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    (low, high)
}

/// An undated article is no older than the latest year it names (up to this one).
pub(super) fn latest_year(text: &str) -> Option<i32> {
    let this_year = chrono::Utc::now().year();
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1800..=this_year).contains(y))
        .max()
}

/// The part of the span's sentence from the last comma (or the like) up to the span.
fn clause_before<'t>(sentence: &str, text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let sentence_start = sentence.as_ptr() as usize - text.as_ptr() as usize;
    let before = &text[sentence_start.min(span.start)..span.start];
    before
        .rsplit([',', ';', ':', '—', '('])
        .next()
        .unwrap_or(before)
}

/// Whether a clause says where a person lives or works ("said Graham Pyke, who runs a tour
/// company in Bristol"), not what they did there ("people who gathered in Almaty").
fn lives_or_works_there(clause: &str) -> bool {
    let mut words = clause.split(|c: char| !c.is_alphanumeric());
    words.any(|w| matches!(w, "who" | "whose"))
        && words.any(|w| {
            matches!(
                w,
                "lives"
                    | "lived"
                    | "works"
                    | "worked"
                    | "runs"
                    | "ran"
                    | "owns"
                    | "owned"
                    | "grew"
                    | "born"
                    | "teaches"
                    | "taught"
                    | "studies"
                    | "studied"
            )
        })
}

/// Whether a clause tells a plan or a hope ("is expected to meet relatives in Nairobi",
/// "will go to Oxford", "next summer's Olympic Games in Tokyo"), not something that
/// happened.
fn is_plan(clause: &str) -> bool {
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).collect();
    // "will go to Oxford", "will travel on to Nairobi"; not "will investigate the shooting".
    let will_go = words.iter().enumerate().any(|(at, w)| {
        *w == "will"
            && words[at + 1..]
                .iter()
                .filter(|w| !w.is_empty())
                .take(2)
                .any(|v| {
                    matches!(
                        *v,
                        "go" | "travel"
                            | "visit"
                            | "meet"
                            | "return"
                            | "move"
                            | "host"
                            | "head"
                            | "fly"
                    )
                })
    });
    will_go
        || words
            .iter()
            .any(|w| matches!(*w, "plans" | "planned" | "hopes"))
        || words.windows(2).any(|w| {
            matches!(w, ["expected" | "due" | "going", "to"])
                || (w[0] == "next"
                    && matches!(
                        w[1],
                        "week"
                            | "month"
                            | "year"
                            | "spring"
                            | "summer"
                            | "autumn"
                            | "fall"
                            | "winter"
                            | "season"
                            | "weekend"
                    ))
        })
}

/// A credit line ("Marcia Dunn in Cape Canaveral, Florida, contributed to this report"):
/// where a colleague worked, not where the story happens.
fn is_credit(sentence: &str) -> bool {
    sentence.contains("contributed to this report") || sentence.contains("contributed reporting")
}

/// Whether the stop or line break at `at` ends a sentence: not the one after a title or
/// an initial ("Mr. Clinton", "U.S. officials").
fn ends_sentence(text: &str, at: usize) -> bool {
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    // The word before the stop ("Mr", "U.S"): a title or an initial is short, so a few
    // bytes back are enough, and a page of "Paris.Paris.Paris..." costs no more.
    let mut from = at.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(before);
    !(TITLES.contains(&last.to_lowercase().as_str()) || last.chars().count() == 1)
}

/// Whether a passage names a year (1990, or a decade such as "the 1990s") no later than
/// `year`.
fn names_year_up_to(passage: &str, year: i32) -> bool {
    let words: Vec<&str> = passage
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        let digits = word.strip_suffix('s').unwrap_or(word);
        let decade = digits.len() < word.len();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        // A number is a year when it is dated: "in 1998", "since 2011", "May 2011",
        // "December 16, 2011", "the 1990s" (not "2000 troops", "the 2016 land code").
        let before = at.checked_sub(1).map(|b| words[b].to_lowercase());
        let dated = match before.as_deref() {
            Some(
                "in" | "since" | "until" | "of" | "early" | "late" | "mid" | "de" | "en" | "em"
                | "desde" | "depuis" | "seit" | "im",
            ) => true,
            Some("the") => decade,
            Some(w) => is_calendar_word(w) || w.bytes().all(|b| b.is_ascii_digit()),
            None => false,
        };
        // A decade ends nine years after it starts.
        let y: i32 = digits.parse().unwrap_or(0) + if decade { 9 } else { 0 };
        dated && (1800..=year).contains(&y)
    })
}

/// The gazetteer name an inflected Cyrillic word stands for, if any.
fn inflection_stem(g: &Gazetteer, key: &str) -> Option<String> {
    if !crate::analysis::is_cyrillic(key) {
        return None;
    }
    let known = |stem: &str| stem.chars().count() >= 4 && g.contains_normalized(stem);
    CYRILLIC_REPLACEMENTS
        .iter()
        .find_map(|(ending, base)| {
            let stem = format!("{}{base}", key.strip_suffix(ending)?);
            known(&stem).then_some(stem)
        })
        .or_else(|| {
            CYRILLIC_ENDINGS.iter().find_map(|ending| {
                let stem = key.strip_suffix(ending)?;
                known(stem).then(|| stem.to_string())
            })
        })
}

/// Whether `words[at]` comes after a word for people and "from" ("a driver from
/// Dorchester"), or "in" when the people are themselves "from" or "of" somewhere ("samples
/// from people in China"; "residents in Kharkiv woke to explosions" is the story).
fn of_a_person(words: &[(usize, &str)], at: usize) -> bool {
    let lower = |i: usize| words[i].1.to_lowercase();
    let mut i = at;
    if i >= 1 && lower(i - 1) == "the" {
        i -= 1;
    }
    if i < 2 || !PEOPLE.contains(&lower(i - 2).as_str()) {
        return false;
    }
    match lower(i - 1).as_str() {
        "from" => true,
        // "researchers in the Czech Republic": where they work.
        "in" => {
            matches!(
                lower(i - 2).as_str(),
                "researcher" | "researchers" | "scientist" | "scientists" | "expert" | "experts"
            ) || (i >= 3 && matches!(lower(i - 3).as_str(), "from" | "of"))
        }
        _ => false,
    }
}

/// Whether the word before `words[at]` is "in", "from" or "near" (Russian "в", "из"): the
/// prepositions that vouch for a place.
fn after_in_from_near(words: &[(usize, &str)], at: usize) -> bool {
    at.checked_sub(1).is_some_and(|p| {
        matches!(
            words[p].1.to_lowercase().as_str(),
            "in" | "from" | "near" | "в" | "из"
        )
    })
}

/// Whether the word before `words[at]` is a preposition ("in", "from", "в").
pub(super) fn after_preposition(words: &[(usize, &str)], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|p| PREPOSITIONS.contains(&words[p].1.to_lowercase().as_str()))
}

/// Words with their byte offsets ("Georgia's" is the word "Georgia"; "U.S." is one
/// word).
pub(super) fn words_of(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || (start.is_some() && matches!(c, '\'' | '’'))
            || (c == '.' && start.is_some_and(|s| i - s < 12 && is_initials(&text[s..=i])));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, strip_possessive(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, strip_possessive(&text[s..])));
    }
    words
}

/// Whether a word so far is capital letters each followed by a full stop ("U.S.", "U.K."),
/// so that "U.S." is one word.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut pairs = 0;
    while let Some(letter) = chars.next() {
        match chars.next() {
            Some('.') if letter.is_uppercase() => pairs += 1,
            None if letter.is_uppercase() => return pairs > 0 || word.len() == letter.len_utf8(),
            _ => return false,
        }
    }
    pairs > 0
}

fn strip_possessive(word: &str) -> &str {
    let word = word.trim_end_matches(['\'', '’']);
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether the text before `at` ends a sentence (or is empty), so a capital there says
/// nothing about names.
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '“', '”', ':', '\n'])
        || text[..at].ends_with('\n')
        // After a dateline: "LIMA -- Pero ...", "MOSCOW — The ...".
        || (before.ends_with(['-', '—', '–']) && text[..at].ends_with(' '))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether consecutive words are separated only by a space or a hyphen (not by a comma
/// or a full stop, which would join "Kazakhstan. Oral" into one name).
fn joined_by_space(text: &str, words: &[(usize, &str)]) -> bool {
    words.windows(2).all(|w| {
        let gap = &text[w[0].0 + w[0].1.len()..w[1].0];
        matches!(gap, " " | "-" | "–" | "'s " | "’s " | " - ")
            || (gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-'))
            // "St. Louis", "Ft. Worth".
            || (gap == ". " && matches!(w[0].1, "St" | "Ste" | "Ft" | "Mt"))
    })
}
