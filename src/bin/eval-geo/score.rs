//! Matching predictions to gold toponyms and the standard geoparsing metrics.

use newsmap::geodesy::MAX_DISTANCE_KM;

/// A predicted place mention in character offsets, with its resolved point if any.
#[derive(Clone, Debug)]
pub struct Predicted {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub position: Option<(f64, f64)>,
}

/// A gold toponym in character offsets.
#[derive(Clone, Debug)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lat: f64,
    pub lon: f64,
    pub toponym_type: Option<String>,
}

/// How a prediction must agree with a gold span to count as the same toponym.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchRule {
    /// Same start and end.
    Exact,
    /// Same text (case-insensitive) and span midpoints at most 10 characters apart: the rule
    /// of the EUPEG benchmark, used by most published comparisons.
    Inexact,
}

/// Pairs predictions with gold toponyms one to one under `rule` (greedy, in text order).
pub fn match_spans(gold: &[Gold], predicted: &[Predicted], rule: MatchRule) -> Vec<(usize, usize)> {
    let mut used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(pi, _)| !used[*pi])
            .filter(|(_, p)| match rule {
                MatchRule::Exact => p.start == g.start && p.end == g.end,
                MatchRule::Inexact => {
                    let mid = |s: usize, e: usize| (s + e) as f64 / 2.0;
                    p.text.to_lowercase() == g.text.to_lowercase()
                        && (mid(p.start, p.end) - mid(g.start, g.end)).abs() <= 10.0
                }
            })
            .min_by_key(|(_, p)| p.start.abs_diff(g.start));
        if let Some((pi, _)) = best {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// Counts for precision, recall and F1.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Resolution errors in km (an unresolved mention counts as the largest possible error).
#[derive(Clone, Debug, Default)]
pub struct Errors {
    pub km: Vec<f64>,
}

impl Errors {
    pub fn push(&mut self, gold: &Gold, position: Option<(f64, f64)>) {
        let km = position.map_or(MAX_DISTANCE_KM, |(lon, lat)| {
            newsmap::geodesy::distance_km(
                newsmap::model::Position::new(lon, lat),
                newsmap::model::Position::new(gold.lon, gold.lat),
            )
        });
        self.km.push(km);
    }
    pub fn extend(&mut self, other: &Errors) {
        self.km.extend_from_slice(&other.km);
    }
    pub fn len(&self) -> usize {
        self.km.len()
    }
    /// Share of errors within 161 km (100 miles).
    pub fn accuracy_161(&self) -> f64 {
        ratio(self.km.iter().filter(|&&k| k <= 161.0).count(), self.km.len())
    }
    pub fn mean_km(&self) -> f64 {
        if self.km.is_empty() { 0.0 } else { self.km.iter().sum::<f64>() / self.km.len() as f64 }
    }
    pub fn median_km(&self) -> f64 {
        let mut sorted = self.km.clone();
        sorted.sort_by(f64::total_cmp);
        match sorted.len() {
            0 => 0.0,
            n if n % 2 == 1 => sorted[n / 2],
            n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        }
    }
    /// Area under the curve of ln(1 + error) / ln(max error) over sorted errors, by the
    /// trapezoidal rule (Jurgens et al. 2015; lower is better), as Gritta and EUPEG compute it.
    pub fn auc(&self) -> f64 {
        let mut y: Vec<f64> =
            self.km.iter().map(|k| (1.0 + k).ln() / (1.0 + MAX_DISTANCE_KM).ln()).collect();
        y.sort_by(f64::total_cmp);
        if y.len() < 2 {
            return y.first().copied().unwrap_or(0.0);
        }
        let area: f64 = y.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        area / (y.len() - 1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, text: &str) -> Gold {
        Gold {
            start,
            end: start + text.len(),
            text: text.into(),
            lat: 0.0,
            lon: 0.0,
            toponym_type: None,
        }
    }
    fn pred(start: usize, text: &str) -> Predicted {
        Predicted { start, end: start + text.len(), text: text.into(), position: None }
    }

    #[test]
    fn inexact_matching_tolerates_small_shifts_but_not_other_words() {
        let g = [gold(10, "Paris")];
        assert_eq!(match_spans(&g, &[pred(12, "paris")], MatchRule::Inexact).len(), 1);
        assert_eq!(match_spans(&g, &[pred(12, "paris")], MatchRule::Exact).len(), 0);
        assert_eq!(match_spans(&g, &[pred(40, "Paris")], MatchRule::Inexact).len(), 0);
        assert_eq!(match_spans(&g, &[pred(10, "Texas")], MatchRule::Inexact).len(), 0);
    }

    #[test]
    fn each_prediction_matches_one_gold_toponym() {
        let g = [gold(0, "Paris"), gold(2, "Paris")];
        assert_eq!(match_spans(&g, &[pred(0, "Paris")], MatchRule::Inexact).len(), 1);
    }

    #[test]
    fn auc_is_zero_for_perfect_and_one_for_antipodal() {
        assert_eq!(Errors { km: vec![0.0, 0.0] }.auc(), 0.0);
        assert!((Errors { km: vec![MAX_DISTANCE_KM; 3] }.auc() - 1.0).abs() < 1e-9);
    }
}
