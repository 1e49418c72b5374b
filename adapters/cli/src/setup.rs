//! Builds the client from the global options (and the embedded mock).

use twitchapi::{AuthScope, Error, Twitch};
use twitchapi_mock::MockServer;

use crate::args::Global;

/// Id of the mock's seeded user "twitchdev", whom `--mock` authenticates as.
const MOCK_USER: &str = "141981764";

/// A configured client, plus the mock it talks to when `--mock` was given.
pub struct Session {
    /// The client.
    pub twitch: Twitch,
    /// Keeps the embedded mock alive.
    pub _mock: Option<MockServer>,
}

/// Parses `--user-scopes`: space- or comma-separated scopes, or `all`. Scopes
/// this version does not know are kept as given (Twitch adds new ones).
pub fn parse_scopes(text: &str) -> Vec<AuthScope> {
    if text.trim() == "all" {
        return AuthScope::ALL.to_vec();
    }
    text.split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(AuthScope::from_wire)
        .collect()
}

/// Builds the session. Nothing is sent: tokens are fetched or refreshed only
/// when a call needs them.
pub async fn session(global: &Global) -> Result<Session, Error> {
    let mut client_id = global.client_id.clone().unwrap_or_default();
    let mut client_secret = global.client_secret.clone().unwrap_or_default();
    let mut helix_url = global.helix_url.clone();
    let mut auth_url = global.auth_url.clone();
    let mut user_token = global.user_token.clone();
    let mut refresh_token = global.refresh_token.clone();
    let mut user_scopes = global.user_scopes.clone();
    let mut mock = None;
    if global.mock {
        let server = MockServer::start()
            .await
            .map_err(|e| Error::Transport(format!("cannot start the mock: {e}")))?;
        client_id = server.client_id().to_owned();
        client_secret = server.client_secret().to_owned();
        helix_url = server.helix_url();
        auth_url = server.auth_url();
        if user_token.is_none() {
            let all: Vec<&str> = AuthScope::ALL.iter().map(AuthScope::as_str).collect();
            let issued = server.issue_user_token(MOCK_USER, &all);
            user_token = Some(issued.access_token);
            refresh_token = issued.refresh_token;
            user_scopes = Some("all".into());
        }
        mock = Some(server);
    }
    // An app token is fetched when a call needs one, if a secret is known and
    // none was given.
    let can_fetch_app_token = global.app_token.is_none() && !client_secret.is_empty();
    let twitch = Twitch::builder(client_id, client_secret.clone())
        .helix_url(helix_url)
        .auth_url(auth_url)
        .fetch_app_token(can_fetch_app_token)
        .build()?;
    if let Some(token) = &global.app_token {
        twitch.set_app_token(token.clone(), vec![]);
    }
    if let Some(token) = user_token {
        let auto = twitch.auto_refresh_auth();
        // Without a refresh token the user token cannot be refreshed; the seed
        // requires one only while auto refresh is on.
        twitch.set_auto_refresh_auth(refresh_token.is_some());
        // Unknown scopes are not checked locally: Twitch checks them.
        let scopes = match &user_scopes {
            Some(text) => parse_scopes(text),
            None => AuthScope::ALL.to_vec(),
        };
        twitch.set_user_authentication(token.clone(), scopes, refresh_token.clone())?;
        twitch.set_auto_refresh_auth(auto);
    }
    Ok(Session {
        twitch,
        _mock: mock,
    })
}
