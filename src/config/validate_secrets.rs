//! Resolving a channel's secrets (`${VAR}` or a file), without failing the config when a
//! secret is merely unavailable: only the commands that use the channel need it.

use std::path::Path;

use toml::Spanned;

use super::Validator;
use crate::config::{Channel, Secret, env_reference_name};

impl Validator<'_> {
    /// The token is resolved now, but a token that is merely unavailable (variable unset,
    /// file unreadable) is recorded on the channel instead of failing the config: a
    /// command that never talks to this channel must still run.
    pub(super) fn resolve_secret(&mut self, ch: &mut Channel, header: &str, prefix: &str) {
        let (value, file) = (ch.token.clone(), ch.token_file.clone());
        let got = self.read_secret(value, file, ("token", "token_file"), header, prefix);
        ch.secret = got.secret;
        ch.secret_problem = got.problem;
        ch.secret_warning = got.warning;
    }

    /// A Shopify Dev Dashboard app: `client_id` with `client_secret` or its file; the
    /// access token is fetched at run time, so a `token` as well would be ambiguous.
    pub(super) fn resolve_client_secret(&mut self, ch: &mut Channel, header: &str, prefix: &str) {
        if let Some(t) = ch.token.clone().or(ch.token_file.clone()) {
            self.at(
                &t,
                &format!("{prefix}.token"),
                "give either `token` (an admin-created app) or `client_id` + `client_secret` (a Dev Dashboard app), not both",
            );
        }
        if ch
            .client_id
            .as_deref()
            .is_none_or(|id| id.trim().is_empty())
        {
            self.near(
                header,
                &format!("{prefix}.client_id"),
                "`client_secret` needs the app's `client_id` (Dev Dashboard → app → Settings)",
            );
        }
        let (value, file) = (ch.client_secret.clone(), ch.client_secret_file.clone());
        let got = self.read_secret(
            value,
            file,
            ("client_secret", "client_secret_file"),
            header,
            prefix,
        );
        ch.client_secret_value = got.secret;
        ch.secret_problem = got.problem;
        ch.secret_warning = got.warning;
    }

    /// A secret given as `${VAR}` in key `names.0` or as a file in `names.1`.
    fn read_secret(
        &mut self,
        value: Option<Spanned<String>>,
        file: Option<Spanned<String>>,
        names: (&str, &str),
        header: &str,
        prefix: &str,
    ) -> SecretRead {
        let (key, file_key) = names;
        let mut got = SecretRead::default();
        got.secret = match (&value, &file) {
            (Some(_), Some(f)) => {
                self.at(
                    f,
                    &format!("{prefix}.{file_key}"),
                    format!("give either `{key}` or `{file_key}`, not both"),
                );
                None
            }
            (Some(t), None) => match env_reference_name(t.get_ref()) {
                Some(var) => match std::env::var(var) {
                    Ok(v) if !v.trim().is_empty() => Some(Secret::new(v.trim().to_string())),
                    _ => {
                        let msg = format!("environment variable `{var}` is not set");
                        got.problem = Some(self.message(t.span(), &format!("{prefix}.{key}"), msg));
                        None
                    }
                },
                None => {
                    self.at(t, &format!("{prefix}.{key}"), format!("write secrets as `${{VAR}}` (read from the environment) or use `{file_key}`, never in the file itself"));
                    None
                }
            },
            (None, Some(f)) => {
                let path = self.base.join(f.get_ref());
                let key = format!("{prefix}.{file_key}");
                match std::fs::read_to_string(&path) {
                    Ok(v) if !v.trim().is_empty() => {
                        got.warning =
                            shared_token_file(&path).map(|why| self.message(f.span(), &key, why));
                        Some(Secret::new(v.trim().to_string()))
                    }
                    Ok(_) => {
                        let msg = format!("{} is empty", path.display());
                        got.problem = Some(self.message(f.span(), &key, msg));
                        None
                    }
                    Err(e) => {
                        let msg = format!("cannot read {}: {e}", path.display());
                        got.problem = Some(self.message(f.span(), &key, msg));
                        None
                    }
                }
            }
            (None, None) => {
                self.near(
                    header,
                    &format!("{prefix}.{key}"),
                    format!("this channel needs `{key} = \"${{VAR}}\"` or `{file_key}`"),
                );
                None
            }
        };
        got
    }
}

/// What reading one secret gave: the value, or why it is unavailable (recorded on the
/// channel, not fatal at load), and a warning for `oms config check`.
#[derive(Default)]
struct SecretRead {
    secret: Option<Secret>,
    problem: Option<String>,
    warning: Option<String>,
}

/// Why a token file is readable by more than its owner, if it is.
fn shared_token_file(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            format!(
                "{} is readable by group or others (mode {:03o}); `chmod 600 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}
