//! What the binary carries about itself: `agon help [TOPIC]` (a command's help, or the
//! language reference embedded at build time), shell completions and a man page.

use super::Outcome;
use clap::CommandFactory;

/// The language reference, as shipped in `docs/language.md`.
pub const LANGUAGE: &str = include_str!("../../docs/language.md");

#[derive(clap::Args)]
pub struct HelpArgs {
    /// `language` for the theory language reference, or a command's name.
    topic: Option<String>,
}

#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    shell: clap_complete::Shell,
}

/// `agon help`, `agon help language`, `agon help check`.
pub fn help<C: CommandFactory>(args: HelpArgs) -> Outcome {
    let mut cmd = C::command();
    match args.topic.as_deref() {
        None => {
            outln!("{}", cmd.render_long_help());
            Outcome::Clean
        }
        Some("language") => {
            out!("{LANGUAGE}");
            Outcome::Clean
        }
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => {
                let mut sub = sub.clone().bin_name(format!("agon {name}"));
                outln!("{}", sub.render_long_help());
                Outcome::Clean
            }
            None => {
                let names: Vec<String> = std::iter::once("language".to_string())
                    .chain(cmd.get_subcommands().map(|s| s.get_name().to_string()))
                    .collect();
                eprintln!(
                    "error: no help topic `{name}`\nhelp: the topics are {}",
                    names.join(", ")
                );
                Outcome::Usage
            }
        },
    }
}

/// `agon completions SHELL`: a completion script on standard output.
pub fn completions<C: CommandFactory>(args: CompletionsArgs) -> Outcome {
    let mut cmd = C::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "agon", &mut buf);
    out!("{}", String::from_utf8_lossy(&buf));
    Outcome::Clean
}

/// `agon man`: the man page (roff) on standard output, e.g. `agon man > agon.1`.
pub fn man<C: CommandFactory>() -> Outcome {
    let mut buf = Vec::new();
    match clap_mangen::Man::new(C::command()).render(&mut buf) {
        Ok(()) => {
            out!("{}", String::from_utf8_lossy(&buf));
            Outcome::Clean
        }
        Err(e) => {
            eprintln!("error: cannot render the man page: {e}");
            Outcome::Usage
        }
    }
}
