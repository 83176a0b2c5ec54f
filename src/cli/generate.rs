//! Shell completions and man pages, generated from the clap definition. The committed
//! copies under `completions/` and `man/` are checked for drift by `tests/generated.rs`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::error::Exit;

/// The full clap command tree, for generators.
pub fn command() -> clap::Command {
    super::Cli::command()
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum, required_unless_present = "dir")]
    pub shell: Option<Shell>,
    /// Write scripts for every shell into this folder instead
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub dir: Option<PathBuf>,
}

pub fn completions(ctx: &super::Ctx, args: CompletionsArgs) -> anyhow::Result<Exit> {
    let mut cmd = command();
    match (args.shell, args.dir) {
        (Some(shell), _) => {
            // clap_complete panics when its writer fails; a closed pipe
            // (`oms completions bash | head -1`) must end quietly instead.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "oms", &mut script);
            write_stdout(&script)?;
        }
        (None, Some(dir)) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let mut wrote = Vec::new();
            for shell in [
                Shell::Bash,
                Shell::Zsh,
                Shell::Fish,
                Shell::PowerShell,
                Shell::Elvish,
            ] {
                let path = clap_complete::generate_to(shell, &mut cmd, "oms", &dir)
                    .with_context(|| format!("cannot write completions into {}", dir.display()))?;
                wrote.push(format!("  {} ({shell})", path.display()));
            }
            ctx.out.note(format!(
                "wrote {} completion scripts:\n{}",
                wrote.len(),
                wrote.join("\n")
            ));
        }
        (None, None) => unreachable!("clap requires a shell or --dir"),
    }
    Ok(Exit::Ok)
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into this folder (default: print oms(1) to stdout)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn man(ctx: &super::Ctx, args: ManArgs) -> anyhow::Result<Exit> {
    let cmd = command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let pages = page_names(&cmd, "");
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| format!("cannot write man pages into {}", dir.display()))?;
            ctx.out.note(format!(
                "wrote {} man pages into {}: {}",
                pages.len(),
                dir.display(),
                pages.join(", ")
            ));
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page)?;
            write_stdout(&page)?;
        }
    }
    Ok(Exit::Ok)
}

/// The file names `clap_mangen::generate_to` writes: one page per command, `oms-a-b.1`.
fn page_names(cmd: &clap::Command, prefix: &str) -> Vec<String> {
    let name = if prefix.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{prefix}-{}", cmd.get_name())
    };
    let mut names = vec![format!("{name}.1")];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        names.extend(page_names(sub, &name));
    }
    names
}

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
