//! Properties that hold for any text: spans in bounds, on character boundaries, sorted.

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::{Segmentation, segment};

    fn check(text: &str) {
        let Segmentation { tokens, sentences } = segment(text);
        let mut last_end = 0;
        for token in &tokens {
            let span = token.span;
            assert!(span.start_byte < span.end_byte, "empty token {span:?}");
            assert!(span.start_byte >= last_end, "unsorted or overlapping {span:?}");
            assert!(span.text(text).is_some(), "off a char boundary {span:?}");
            assert_eq!(span.text(text).unwrap().trim(), span.text(text).unwrap());
            assert!((token.sentence as usize) < sentences.len());
            for part in token.hyphen_parts(text) {
                assert!(span.contains(&part) && part.text(text).is_some(), "{part:?} of {span:?}");
            }
            last_end = span.end_byte;
        }
        let mut last_end = 0;
        for sentence in &sentences {
            assert!(sentence.start_byte < sentence.end_byte);
            assert!(sentence.start_byte >= last_end, "unsorted sentences");
            let text = sentence.text(text).expect("sentence on char boundaries");
            assert_eq!(text.trim(), text, "sentence not trimmed");
            last_end = sentence.end_byte;
        }
        for token in &tokens {
            assert!(sentences[token.sentence as usize].contains(&token.span));
        }
    }

    proptest! {
        #[test]
        fn any_text_gives_sorted_in_bounds_spans(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn news_like_text_gives_sorted_in_bounds_spans(
            text in r"([A-Za-zÀ-ÿЀ-ӿ’'\.\-,;:!?…“”\(\)0-9 \n]|U\.S\.|Oct\. |\.- |\n\n- ){0,80}"
        ) {
            check(&text);
        }
    }
}
