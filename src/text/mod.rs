//! Text handling: loading files, stripping HTML, sentences, tokens and name folding.
