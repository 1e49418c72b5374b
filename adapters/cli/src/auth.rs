//! `twitchapi auth`: the OAuth flows from a shell (user, device, refresh,
//! validate, revoke). Tokens go to stdout as JSON; what the user must do goes
//! to stderr.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use serde_json::{json, Value};
use twitchapi::{AuthScope, Error, TokenResponse, Twitch, UserAuthenticator};

use crate::args::AuthCommand;
use crate::setup::parse_scopes;

fn scopes_of(text: &str) -> Vec<AuthScope> {
    parse_scopes(text)
}

/// Runs one `auth` subcommand and returns what to print on stdout.
pub async fn run(
    twitch: &Twitch,
    command: AuthCommand,
    refresh_token: Option<String>,
) -> Result<Value, Error> {
    match command {
        AuthCommand::User {
            scopes,
            force_verify,
            no_browser,
            port,
            host,
        } => {
            let mut auth = UserAuthenticator::new(twitch, scopes_of(&scopes), force_verify);
            auth.port = port;
            auth.host = host;
            auth.url = format!("http://localhost:{port}");
            let token = auth
                .authenticate_with(|url| {
                    let _ = writeln!(
                        std::io::stderr(),
                        "Open this URL to authorize the app: {url}"
                    );
                    if !no_browser {
                        // prints the URL again only when no browser opens
                        twitchapi::open_in_browser(url);
                    }
                })
                .await?;
            Ok(token.to_json())
        }
        AuthCommand::Device { scopes } => {
            let (tx, rx) = tokio::sync::watch::channel(None::<twitchapi::core::Instant>);
            let countdown = tokio::spawn(countdown(rx));
            let token = twitchapi::device_flow(twitch, scopes_of(&scopes), |code| {
                let _ = writeln!(
                    std::io::stderr(),
                    "Open {} and enter the code {}",
                    code.verification_uri,
                    code.user_code
                );
                let _ = tx.send(Some(code.expires_at));
            })
            .await;
            countdown.abort();
            if std::io::stderr().is_terminal() {
                let _ = writeln!(std::io::stderr());
            }
            Ok(token?.to_json())
        }
        AuthCommand::Refresh => {
            let refresh = refresh_token.ok_or_else(|| {
                Error::invalid("auth refresh needs --refresh-token (or TWITCH_REFRESH_TOKEN)")
            })?;
            let (access, refresh) = twitch.refresh_access_token(&refresh).await?;
            Ok(TokenResponse::pair_json(&access, &refresh))
        }
        AuthCommand::Validate { token } => {
            let validation = twitch.validate_token(&token).await?;
            serde_json::to_value(&validation).map_err(|e| Error::Protocol(e.to_string()))
        }
        AuthCommand::Revoke { token } => {
            twitch.revoke_token(&token).await?;
            Ok(json!({"revoked": true}))
        }
    }
}

/// The time left before the device code expires, on stderr: one line updated
/// in place on a terminal, a plain line every 30 s otherwise.
async fn countdown(mut expires: tokio::sync::watch::Receiver<Option<twitchapi::core::Instant>>) {
    let Ok(at) = expires
        .wait_for(|e| e.is_some())
        .await
        .map(|e| e.unwrap_or_else(twitchapi::core::Instant::now))
    else {
        return;
    };
    let terminal = std::io::stderr().is_terminal();
    let mut tick = 0u64;
    loop {
        let left = at
            .saturating_duration_since(twitchapi::core::Instant::now())
            .as_secs();
        let text = format!(
            "waiting for approval: the code expires in {}:{:02}",
            left / 60,
            left % 60
        );
        {
            let mut err = std::io::stderr().lock();
            if terminal {
                let _ = write!(err, "\r{text} ");
                let _ = err.flush();
            } else if tick % 30 == 0 {
                let _ = writeln!(err, "{text}");
            }
        }
        if left == 0 {
            return;
        }
        tick += 1;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
