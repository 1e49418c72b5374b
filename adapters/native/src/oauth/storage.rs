//! Token storage: a JSON file holding the user's tokens, kept current.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use twitchapi_core::auth::{TokenKind, TokenResponse};
use twitchapi_core::{AuthScope, Error, Secret};

use crate::Twitch;

/// The tokens a [`TokenStore`] keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTokens {
    /// The user access token.
    pub access_token: Secret,
    /// Its refresh token.
    pub refresh_token: Secret,
    /// The scopes granted.
    pub scopes: Vec<AuthScope>,
}

#[derive(Serialize, Deserialize)]
struct File {
    access_token: String,
    refresh_token: String,
    #[serde(default)]
    scopes: Vec<String>,
}

/// A token file: loaded, validated and refreshed at start, saved after every
/// refresh. Writes are atomic (a temporary file in the same directory,
/// flushed to disk, then renamed over the old one), so a crash leaves the old
/// file or the new one, never a part; on Unix the file is readable by its
/// owner only (0600).
///
/// ```no_run
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// use twitchapi::{AuthScope, TokenStore, UserAuthenticator};
///
/// let store = TokenStore::new("tokens.json");
/// let scopes = vec![AuthScope::UserReadEmail];
/// // the file's tokens if they still work (refreshed if needed), else the browser
/// store
///     .authenticate(&twitch, scopes.clone(), || async {
///         UserAuthenticator::new(&twitch, scopes.clone(), false).authenticate().await
///     })
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct TokenStore {
    path: PathBuf,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl TokenStore {
    /// A store at `path`.
    pub fn new(path: impl Into<PathBuf>) -> TokenStore {
        TokenStore { path: path.into() }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored tokens, `None` when there is no file.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a file that cannot be read or is not a token file.
    pub fn load(&self) -> Result<Option<StoredTokens>, Error> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::invalid(format!(
                    "cannot read {}: {e}",
                    self.path.display()
                )))
            }
        };
        let file: File = serde_json::from_str(&text).map_err(|e| {
            Error::invalid(format!("{} is not a token file: {e}", self.path.display()))
        })?;
        Ok(Some(StoredTokens {
            access_token: Secret::new(file.access_token),
            refresh_token: Secret::new(file.refresh_token),
            scopes: file
                .scopes
                .iter()
                .map(|s| AuthScope::from_wire(s))
                .collect(),
        }))
    }

    /// Saves `tokens`, atomically.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] when the file cannot be written; the old file is then intact.
    pub fn save(&self, tokens: &StoredTokens) -> Result<(), Error> {
        let file = File {
            access_token: tokens.access_token.expose().to_owned(),
            refresh_token: tokens.refresh_token.expose().to_owned(),
            scopes: tokens
                .scopes
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| Error::Protocol(e.to_string()))?;
        self.write_atomically(&bytes)
            .map_err(|e| Error::Transport(format!("cannot save {}: {e}", self.path.display())))
    }

    fn temp_path(&self) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "tokens".into());
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        self.path
            .with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
    }

    fn write_atomically(&self, bytes: &[u8]) -> std::io::Result<()> {
        let temp = self.temp_path();
        let result = (|| {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            drop(file);
            std::fs::rename(&temp, &self.path)?;
            // the rename itself reaches the disk with the directory
            if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if let Ok(dir) = std::fs::File::open(dir) {
                    let _ = dir.sync_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Sets `twitch`'s user token from the file when it still works (validated;
    /// refreshed when it does not), else from `authenticate` (for example a
    /// [`crate::UserAuthenticator`] run); saves what it got, and saves every
    /// later automatic refresh too (Twitch rotates refresh tokens).
    ///
    /// # Errors
    ///
    /// What `authenticate` returns, or a file that cannot be written.
    pub async fn authenticate<F, Fut>(
        &self,
        twitch: &Twitch,
        scopes: Vec<AuthScope>,
        authenticate: F,
    ) -> Result<StoredTokens, Error>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<TokenResponse, Error>>,
    {
        let tokens = match self.usable(twitch, &scopes).await {
            Some(tokens) => tokens,
            None => {
                tracing::info!(target: "twitchapi::oauth", "no usable stored token: authenticating");
                let token = authenticate().await?;
                let refresh_token = token.refresh_token.ok_or_else(|| {
                    Error::Protocol("the authentication gave no refresh token".into())
                })?;
                let granted = if token.scope.is_empty() {
                    scopes.clone()
                } else {
                    token.scope
                };
                StoredTokens {
                    access_token: token.access_token,
                    refresh_token,
                    scopes: granted,
                }
            }
        };
        self.save(&tokens)?;
        twitch.set_user_authentication(
            tokens.access_token.expose(),
            tokens.scopes.clone(),
            Some(tokens.refresh_token.expose().to_owned()),
        )?;
        let store = Arc::new(self.clone());
        let scopes_now = tokens.scopes.clone();
        twitch.on_token_refresh(move |update| {
            if update.kind != TokenKind::User {
                return;
            }
            let Some(refresh_token) = update.refresh_token.clone() else {
                return;
            };
            let saved = StoredTokens {
                access_token: update.access_token.clone(),
                refresh_token,
                scopes: if update.scopes.is_empty() { scopes_now.clone() } else { update.scopes.clone() },
            };
            if let Err(error) = store.save(&saved) {
                tracing::warn!(target: "twitchapi::oauth", %error, "could not save the refreshed token");
            }
        });
        Ok(tokens)
    }

    /// The stored tokens if they work for `scopes`: as they are when Twitch
    /// validates them, refreshed when not.
    async fn usable(&self, twitch: &Twitch, scopes: &[AuthScope]) -> Option<StoredTokens> {
        let stored = match self.load() {
            Ok(Some(stored)) => stored,
            Ok(None) => return None,
            Err(error) => {
                tracing::warn!(target: "twitchapi::oauth", %error, "ignoring the token file");
                return None;
            }
        };
        if !scopes.iter().all(|s| stored.scopes.contains(s)) {
            return None; // the app asks for more now: the user must consent again
        }
        if let Ok(validation) = twitch.validate_token(stored.access_token.expose()).await {
            if validation.expires_in != Some(0) {
                return Some(stored);
            }
        }
        match twitch
            .refresh_access_token(stored.refresh_token.expose())
            .await
        {
            Ok((access_token, refresh_token)) => Some(StoredTokens {
                access_token,
                refresh_token,
                scopes: stored.scopes,
            }),
            Err(error) => {
                tracing::info!(target: "twitchapi::oauth", %error, "the stored token cannot be refreshed");
                None
            }
        }
    }
}
