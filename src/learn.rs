//! Logistic regression over named binary features: the one learning mechanism behind
//! dateline's place models and its furniture model. A few dozen lines with no
//! dependency; the linfa crates would bring ndarray and a dense design matrix for what
//! is a sparse problem of a few thousand named features.

use std::collections::HashMap;

/// One training example: its features and whether it is a positive.
pub type Example = (Vec<String>, bool);

/// One model's weights by feature name.
#[derive(Debug, Clone, Default)]
pub struct Weights(HashMap<String, f32>);

impl Weights {
    /// Reads `feature \t weight` lines; comments (`#`) and lines that do not parse are
    /// skipped.
    pub fn parse(tsv: &str) -> Weights {
        Weights(
            tsv.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (feature, weight) = l.split_once('\t')?;
                    Some((feature.to_string(), weight.trim().parse().ok()?))
                })
                .collect(),
        )
    }

    /// The weights as `parse` reads them, sorted, under a header saying what made them.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut rows: Vec<(&String, &f32)> = self.0.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        for (feature, w) in rows {
            out.push_str(&format!("{feature}\t{w:.4}\n"));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The probability of a positive with these features.
    pub fn probability(&self, features: &[String]) -> f32 {
        sigmoid(features.iter().filter_map(|f| self.0.get(f.as_str())).sum())
    }
}

impl FromIterator<(String, f32)> for Weights {
    fn from_iter<I: IntoIterator<Item = (String, f32)>>(iter: I) -> Weights {
        Weights(iter.into_iter().collect())
    }
}

pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x.clamp(-30.0, 30.0)).exp())
}

/// How [`train`] runs.
#[derive(Debug, Clone)]
pub struct TrainingOptions {
    pub epochs: usize,
    pub learning_rate: f32,
    /// L2 penalty per example.
    pub l2: f32,
    /// Features seen fewer times are dropped: a weight learned from one example says
    /// more about that example than about news.
    pub min_count: usize,
}

impl Default for TrainingOptions {
    fn default() -> Self {
        TrainingOptions {
            epochs: 12,
            learning_rate: 0.1,
            l2: 1e-5,
            min_count: 2,
        }
    }
}

/// Logistic regression by stochastic gradient descent in a fixed shuffled order, with the
/// weights averaged over every step (averaging makes the result stable from run to run
/// and less sensitive to the last examples). Deterministic: the same examples give the
/// same weights.
pub fn train(examples: &[Example], opts: &TrainingOptions) -> Vec<(String, f32)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (features, _) in examples {
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c >= opts.min_count)
        .map(|(f, _)| *f)
        .collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let rows: Vec<(Vec<usize>, f32)> = examples
        .iter()
        .map(|(features, positive)| {
            let mut ids: Vec<usize> = features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, if *positive { 1.0 } else { 0.0 })
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut w = vec![0f32; names.len()];
    // Averaging by the usual trick: `sum` accumulates each update times the step it
    // happened at, so the average is w - sum / steps.
    let mut sum = vec![0f32; names.len()];
    let mut step = 1f32;
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift: a fixed order per epoch.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let rate = opts.learning_rate / (1.0 + epoch as f32 * 0.5);
        for &r in &order {
            let (ids, y) = &rows[r];
            let z: f32 = ids.iter().map(|&i| w[i]).sum();
            let gradient = y - sigmoid(z);
            for &i in ids {
                let update = rate * (gradient - opts.l2 * w[i]);
                w[i] += update;
                sum[i] += step * update;
            }
            step += 1.0;
        }
    }
    names
        .iter()
        .enumerate()
        .map(|(i, f)| (f.to_string(), w[i] - sum[i] / step))
        .filter(|(_, w)| w.abs() >= 1e-4)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], positive: bool) -> Example {
        (features.iter().map(|f| f.to_string()).collect(), positive)
    }

    fn p(weights: &Weights, features: &[&str]) -> f32 {
        let features: Vec<String> = features.iter().map(|s| s.to_string()).collect();
        weights.probability(&features)
    }

    #[test]
    fn weights_learn_which_features_decide_and_survive_the_data_file() {
        let mut examples = Vec::new();
        for _ in 0..50 {
            examples.push(ex(&["bias", "links=all"], true));
            examples.push(ex(&["bias", "end=."], false));
        }
        let weights: Weights = train(&examples, &TrainingOptions::default())
            .into_iter()
            .collect();
        assert!(p(&weights, &["bias", "links=all"]) > 0.8);
        assert!(p(&weights, &["bias", "end=."]) < 0.2);
        let again = Weights::parse(&weights.to_tsv("test\nmodel"));
        let before = p(&weights, &["bias", "links=all"]);
        assert!((before - p(&again, &["bias", "links=all"])).abs() < 1e-3);
        assert_eq!(p(&Weights::default(), &["bias"]), 0.5);
    }
}
