//! Learned weights for place mentions: logistic regression over named binary features,
//! one model for recognition (is this capitalised name a place here?) and one for
//! resolution (which of the gazetteer's places of that name is it?). The trained weights
//! are data (`data/place-model.tsv`, written by `tools/train-place-model`) and embedded
//! at build time, so tagging needs no file and no network.
//!
//! The learning itself is [`crate::learn`]'s logistic regression.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::learn::sigmoid;
pub use crate::learn::{Example, TrainingOptions, train};

static EMBEDDED: [&str; 2] = [
    include_str!("../../data/place-model.tsv"),
    include_str!("../../data/about-model.tsv"),
];

/// Which decision a weight belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    /// Is a candidate name a place in its context?
    Recognition,
    /// Is this gazetteer place the one a name means?
    Resolution,
    /// Is the story about this place it names?
    About,
}

impl Task {
    fn prefix(self) -> &'static str {
        match self {
            Task::Recognition => "m",
            Task::Resolution => "r",
            Task::About => "a",
        }
    }

    /// The mention tasks, trained together from the geoparsing corpora.
    pub const MENTIONS: [Task; 2] = [Task::Recognition, Task::Resolution];
}

/// Weights by task and feature name.
#[derive(Debug, Clone, Default)]
pub struct Model {
    recognition: HashMap<String, f32>,
    resolution: HashMap<String, f32>,
    about: HashMap<String, f32>,
}

impl Model {
    /// The model shipped in the binary.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(&EMBEDDED.concat()))
    }

    /// Reads `task \t feature \t weight` lines; lines that do not parse are skipped
    /// (comments start with `#`).
    pub fn parse(tsv: &str) -> Model {
        let mut model = Model::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(task), Some(feature), Some(weight)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let task = match task {
                "m" => Task::Recognition,
                "r" => Task::Resolution,
                "a" => Task::About,
                _ => continue,
            };
            if let Ok(w) = weight.parse::<f32>() {
                model.weights_mut(task).insert(feature.to_string(), w);
            }
        }
        model
    }

    fn weights(&self, task: Task) -> &HashMap<String, f32> {
        match task {
            Task::Recognition => &self.recognition,
            Task::Resolution => &self.resolution,
            Task::About => &self.about,
        }
    }

    fn weights_mut(&mut self, task: Task) -> &mut HashMap<String, f32> {
        match task {
            Task::Recognition => &mut self.recognition,
            Task::Resolution => &mut self.resolution,
            Task::About => &mut self.about,
        }
    }

    /// The weights of `tasks` as `parse` reads them, sorted, with a header saying what
    /// made them.
    pub fn to_tsv(&self, tasks: &[Task], header: &str) -> String {
        let mut rows: Vec<(Task, &String, &f32)> = tasks
            .iter()
            .copied()
            .flat_map(|task| self.weights(task).iter().map(move |(f, w)| (task, f, w)))
            .collect();
        rows.sort_by(|a, b| (a.0.prefix(), a.1).cmp(&(b.0.prefix(), b.1)));
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for (task, feature, w) in rows {
            out.push_str(&format!("{}\t{feature}\t{w:.4}\n", task.prefix()));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.recognition.is_empty() && self.resolution.is_empty() && self.about.is_empty()
    }

    /// The model with `task`'s weights replaced.
    pub fn with(mut self, task: Task, weights: Vec<(String, f32)>) -> Model {
        *self.weights_mut(task) = weights.into_iter().collect();
        self
    }

    /// The probability the model gives a candidate with these features.
    pub fn probability(&self, task: Task, features: &[String]) -> f32 {
        let weights = self.weights(task);
        sigmoid(
            features
                .iter()
                .filter_map(|f| weights.get(f.as_str()))
                .sum(),
        )
    }

    /// Trains both tasks from their examples (see [`train`]).
    pub fn train(recognition: &[Example], resolution: &[Example]) -> Model {
        let opts = TrainingOptions::default();
        Model {
            recognition: train(recognition, &opts).into_iter().collect(),
            resolution: train(resolution, &opts).into_iter().collect(),
            about: HashMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], positive: bool) -> Example {
        (features.iter().map(|f| f.to_string()).collect(), positive)
    }

    #[test]
    fn training_learns_which_features_decide() {
        let mut examples = Vec::new();
        for _ in 0..50 {
            examples.push(ex(&["bias", "prev=in"], true));
            examples.push(ex(&["bias", "prev=mr"], false));
            examples.push(ex(&["bias", "prev=in", "next=said"], true));
        }
        let model = Model::train(&examples, &[]);
        let p = |f: &[&str]| {
            let f: Vec<String> = f.iter().map(|s| s.to_string()).collect();
            model.probability(Task::Recognition, &f)
        };
        assert!(p(&["bias", "prev=in"]) > 0.8);
        assert!(p(&["bias", "prev=mr"]) < 0.2);
        // Resolution learned nothing: no evidence either way.
        assert_eq!(
            model.probability(Task::Resolution, &["bias".to_string()]),
            0.5
        );
    }

    #[test]
    fn weights_survive_a_round_trip_through_the_data_file() {
        let examples = vec![
            ex(&["a", "b"], true),
            ex(&["a", "b"], true),
            ex(&["a"], false),
        ];
        let model = Model::train(&examples, &examples);
        let again = Model::parse(&model.to_tsv(&Task::MENTIONS, "test model"));
        let f = vec!["a".to_string(), "b".to_string()];
        for task in [Task::Recognition, Task::Resolution] {
            assert!((model.probability(task, &f) - again.probability(task, &f)).abs() < 1e-3);
        }
    }

    #[test]
    fn the_embedded_model_is_trained() {
        assert!(
            !Model::embedded().is_empty(),
            "data/place-model.tsv is empty"
        );
    }
}
