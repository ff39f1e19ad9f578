//! `declutter`: the native command line, on HTML files or stdin.
//!
//! Exit codes are part of the interface: 0 success, 2 unusable input or arguments (one line on
//! stderr, nothing on stdout), 3 when the page has no article.

use clap::{Parser, Subcommand, ValueEnum};
use declutter::{clutter, dom, extract, pipeline, render};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "declutter",
    version,
    about = "Reader-mode extraction and clutter removal for HTML pages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the page's article.
    Extract {
        /// HTML file (optionally .gz); `-` or nothing for stdin.
        file: Option<PathBuf>,
        /// The page's URL, to resolve relative links and images.
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Print the page with its clutter removed, or with --report the list of hidden elements.
    Clean {
        file: Option<PathBuf>,
        #[arg(long)]
        url: Option<String>,
        /// Print a JSON list of hidden elements (kind, CSS path, text excerpt) instead.
        #[arg(long)]
        report: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Html,
    Text,
}

/// A failure and its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn input(message: impl std::fmt::Display) -> Failure {
        Failure { code: 2, message: message.to_string() }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`declutter ... | head`) is not an error worth a message.
            let _ = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush());
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprintln!("declutter: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn read_input(file: Option<&PathBuf>) -> Result<dom::Snapshot, Failure> {
    let bytes = match file.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            std::fs::read(path).map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        }
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Failure::input(format!("stdin: {e}")))?;
            buf
        }
    };
    dom::html::parse_bytes(&bytes).map_err(Failure::input)
}

fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Extract { file, url, format } => {
            let snap = read_input(file.as_ref())?;
            // The same reading as the reader overlay: the article without the page's clutter.
            let article = pipeline::read(&snap, url, &clutter::ClutterKind::ALL)
                .article
                .map_err(|e| Failure { code: 3, message: e.to_string() })?;
            Ok(match format {
                Format::Json => {
                    serde_json::to_string_pretty(&article).expect("articles serialise") + "\n"
                }
                Format::Html => render::to_html(&article),
                Format::Text => render::to_text(&article),
            })
        }
        Command::Clean { file, url: _, report } => {
            let snap = read_input(file.as_ref())?;
            let hidden = clutter::classify(&snap, &clutter::Options::default());
            if report {
                let rows: Vec<serde_json::Value> = hidden
                    .iter()
                    .map(|h| {
                        let n = snap.node(h.node);
                        let text = extract::collapse_text(&n.text_content());
                        let excerpt: String = text.chars().take(80).collect();
                        serde_json::json!({ "kind": h.kind.as_str(), "rule": h.rule.as_str(), "path": n.css_path(), "excerpt": excerpt })
                    })
                    .collect();
                Ok(serde_json::to_string_pretty(&rows).expect("reports serialise") + "\n")
            } else {
                let skip: Vec<dom::NodeId> = hidden.iter().map(|h| h.node).collect();
                Ok(dom::to_html(&snap, &dom::HtmlOptions { skip: &skip }) + "\n")
            }
        }
    }
}
