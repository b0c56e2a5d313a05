//! The VS Code grammar (`editors/vscode/syntaxes/agon.tmLanguage.json`) against the language:
//! every keyword the reference lists is a keyword to the lexer and is highlighted by the
//! grammar, so a new keyword cannot be forgotten there. (`.ci/run` also runs
//! `vscode-tmgrammar-test` on the grammar's own test file.)

use agon::syntax::lexer::lex;

fn keywords() -> Vec<String> {
    let reference = include_str!("../docs/language.md");
    let section = &reference[reference.find("## Keywords").expect("a Keywords section")..];
    let listed = section
        .split('`')
        .nth(1)
        .expect("the keywords in backticks");
    listed.split_whitespace().map(str::to_string).collect()
}

#[test]
fn every_listed_keyword_is_one_to_the_lexer() {
    let words = keywords();
    assert!(words.len() > 30, "{words:?}");
    for w in &words {
        let (tokens, _) = lex(w);
        assert!(
            tokens.len() == 1 && tokens[0].1.is_word(),
            "`{w}` is listed as a keyword but lexes as {:?}",
            tokens
        );
    }
}

#[test]
fn the_grammar_highlights_every_keyword() {
    let grammar: serde_json::Value = serde_json::from_str(include_str!(
        "../editors/vscode/syntaxes/agon.tmLanguage.json"
    ))
    .expect("the grammar is JSON");
    assert_eq!(grammar["scopeName"], "source.agon");
    let text = grammar.to_string();
    for w in keywords() {
        let alternated = ["|", "(", ":", ")"].iter().any(|before| {
            ["|", ")", "("]
                .iter()
                .any(|after| text.contains(&format!("{before}{w}{after}")))
        });
        assert!(
            alternated,
            "the grammar does not highlight the keyword `{w}`"
        );
    }
}
