//! The seed's `UserAuthenticator`: the authorization code flow of the core
//! ([`CodeFlow`]) with a local redirect server and the browser.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use http::StatusCode;
use tokio::sync::{mpsc, watch};
use twitchapi_core::auth::flow::CodeFlow;
use twitchapi_core::auth::TokenResponse;
use twitchapi_core::{AuthScope, Error};

use crate::Twitch;

/// The page the browser shows once the code is in.
const DONE_PAGE: &str =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>twitchapi</title></head>\
<body><h1>Authentication done</h1><p>You can close this tab.</p></body></html>";

fn error_page(message: &str) -> String {
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>twitchapi</title></head>\
<body><h1>Authentication failed</h1><p>{escaped}</p></body></html>"
    )
}

/// A fresh `state`: 32 URL-safe characters from the system's secure random source.
pub(crate) fn random_state() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )[..32]
        .to_owned()
}

/// The seed's `twitchAPI.oauth.UserAuthenticator`: opens the authorize page,
/// serves the redirect on this machine, checks its `state`, exchanges the
/// code. Unlike the seed it listens on 127.0.0.1 by default.
///
/// ```no_run
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// use twitchapi::{AuthScope, UserAuthenticator};
///
/// let auth = UserAuthenticator::new(&twitch, vec![AuthScope::UserReadEmail], false);
/// let token = auth.authenticate().await?;
/// twitch.set_user_authentication(
///     token.access_token.expose(),
///     token.scope.clone(),
///     token.refresh_token.as_ref().map(|r| r.expose().to_owned()),
/// )?;
/// # Ok(()) }
/// ```
pub struct UserAuthenticator {
    /// The redirect URI, registered with the app (default `http://localhost:17563`).
    pub url: String,
    /// The port the redirect server listens on (default 17563).
    pub port: u16,
    /// The address it listens on (default `127.0.0.1`).
    pub host: String,
    /// How long to wait for the redirect (default 5 minutes).
    pub timeout: Duration,
    twitch: Twitch,
    scopes: Vec<AuthScope>,
    force_verify: bool,
    stop: Mutex<Option<watch::Sender<bool>>>,
}

impl std::fmt::Debug for UserAuthenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserAuthenticator")
            .field("url", &self.url)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

type Outcome = Result<String, Error>;

struct Served {
    flow: Mutex<CodeFlow>,
    done: mpsc::UnboundedSender<Outcome>,
}

async fn redirect(State(served): State<Arc<Served>>, request: Request) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let outcome = served
        .flow
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .handle_redirect(&target);
    match outcome {
        Ok(code) => {
            let _ = served.done.send(Ok(code));
            Html(DONE_PAGE).into_response()
        }
        Err(Error::NotFound(_)) => StatusCode::NOT_FOUND.into_response(),
        // not our redirect: say so, and go on waiting for the right one
        Err(e @ (Error::StateMismatch | Error::InvalidArgument(_))) => {
            tracing::warn!(target: "twitchapi::oauth", error = %e, "redirect refused");
            (StatusCode::BAD_REQUEST, Html(error_page(&e.to_string()))).into_response()
        }
        Err(e) => {
            let page = error_page(&e.to_string());
            let _ = served.done.send(Err(e));
            (StatusCode::BAD_REQUEST, Html(page)).into_response()
        }
    }
}

/// Opens `url` in the default browser; prints it on stderr when none opens.
pub fn open_in_browser(url: &str) {
    if webbrowser::open(url).is_err() {
        let _ = writeln!(
            std::io::stderr(),
            "Open this URL to authorize the app: {url}"
        );
    }
}

impl UserAuthenticator {
    /// An authenticator for `twitch`'s app, asking for `scopes`
    /// (`force_verify`: make Twitch ask the user again even if authorized).
    pub fn new(twitch: &Twitch, scopes: Vec<AuthScope>, force_verify: bool) -> Self {
        UserAuthenticator {
            url: "http://localhost:17563".into(),
            port: 17563,
            host: "127.0.0.1".into(),
            timeout: Duration::from_secs(300),
            twitch: twitch.clone(),
            scopes,
            force_verify,
            stop: Mutex::new(None),
        }
    }

    /// Runs the flow with the default browser (the URL is printed on stderr
    /// when no browser opens) and returns the tokens.
    ///
    /// # Errors
    ///
    /// As [`UserAuthenticator::authenticate_with`].
    pub async fn authenticate(&self) -> Result<TokenResponse, Error> {
        self.authenticate_with(open_in_browser).await
    }

    /// Runs the flow, handing the authorize URL to `open` (to show it, open a
    /// browser of your choice, or play the browser in a test), and returns
    /// the tokens once the code is exchanged. A redirect with a wrong or
    /// missing state gets an error page and the wait goes on.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] when the port is busy (at once, not a hang) or
    /// after [`UserAuthenticator::timeout`]; [`Error::AccessDenied`] /
    /// [`Error::OAuth`] when the user or Twitch refused; [`Error::Authorization`]
    /// when the exchange failed; [`Error::Transport`] ("stopped") after
    /// [`UserAuthenticator::stop`].
    pub async fn authenticate_with(&self, open: impl FnOnce(&str)) -> Result<TokenResponse, Error> {
        let (stop_tx, mut stop_rx) = watch::channel(false);
        *self.stop.lock().unwrap_or_else(|p| p.into_inner()) = Some(stop_tx.clone());
        let flow = CodeFlow::new(
            self.twitch.oauth(),
            self.url.clone(),
            self.scopes.clone(),
            self.force_verify,
            random_state(),
        )?;
        let authorize_url = flow.authorize_url();
        let listener = tokio::net::TcpListener::bind((self.host.as_str(), self.port))
            .await
            .map_err(|e| {
                Error::Transport(format!(
                    "cannot listen on {}:{} for the redirect (is the port busy?): {e}",
                    self.host, self.port
                ))
            })?;
        let (done, mut outcome) = mpsc::unbounded_channel();
        let served = Arc::new(Served {
            flow: Mutex::new(flow.clone()),
            done,
        });
        let app = Router::new().fallback(redirect).with_state(served);
        let mut shutdown = stop_tx.subscribe();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = shutdown.wait_for(|s| *s).await;
                })
                .await;
        });
        tracing::info!(target: "twitchapi::oauth", redirect = %self.url, "waiting for the authorization redirect");
        open(&authorize_url);
        let got = tokio::select! {
            biased;
            _ = stop_rx.wait_for(|s| *s) => Err(Error::Transport("the authenticator was stopped".into())),
            got = outcome.recv() => match got {
                Some(got) => got,
                // the server ends only when stopped
                None => Err(Error::Transport("the authenticator was stopped".into())),
            },
            _ = tokio::time::sleep(self.timeout) => Err(Error::Transport("timed out waiting for the authorization redirect".into())),
        };
        let _ = stop_tx.send(true);
        let _ = server.await;
        let code = got?;
        let response = self
            .twitch
            .send_direct(flow.exchange_request(&code)?)
            .await?;
        let token = CodeFlow::parse_exchange(&response)?;
        tracing::info!(target: "twitchapi::oauth", scopes = ?token.scope, "user authenticated");
        Ok(token)
    }

    /// The seed's callback form: runs the flow in the background and calls
    /// `callback` with the outcome.
    pub fn authenticate_in_background(
        self: &Arc<Self>,
        callback: impl FnOnce(Result<TokenResponse, Error>) + Send + 'static,
    ) -> tokio::task::JoinHandle<()> {
        let me = Arc::clone(self);
        tokio::spawn(async move { callback(me.authenticate().await) })
    }

    /// Stops a waiting [`UserAuthenticator::authenticate`] (the seed's `stop`).
    pub fn stop(&self) {
        if let Some(stop) = self.stop.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = stop.send(true);
        }
    }
}
