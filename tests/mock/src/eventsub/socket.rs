//! `GET /eventsub/ws`: the upgrade and the loop of one socket.
//!
//! As Twitch's server: `keepalive_timeout_seconds` (10..=600; a number
//! outside is taken as the nearest bound, as Twitch documents; one that is
//! not a number refuses the handshake with 400) sets the keepalive; the
//! welcome comes first; a `session_keepalive` follows every stretch of
//! silence that long; a session with no subscription once the subscribe
//! deadline passed is closed with 4003; any text or binary frame from the
//! client is closed with 4001 (pongs are welcome, pings are answered); the
//! server pings every ping interval and closes with 4002 when the previous
//! ping got no pong; after a `session_reconnect` the socket closes with 4004
//! once the reconnect grace is over. `?reconnect=<token>` joins the session
//! that was sent that reconnect URL (same session id, its subscriptions
//! stay); a token that is unknown, used up or whose session ended is closed
//! with 4007.

use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State as AxumState};
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::{close_reason, messages, status_for_close, Command, Settings};
use crate::conn::Conn;
use crate::errors::ApiError;
use crate::helix::Params;
use crate::pubsub::server::{close, drop_abruptly};
use crate::state::{lock, Shared, State};

/// Largest frame a client may send (any frame closes the socket anyway).
const MAX_FRAME: usize = 64 * 1024;
/// Keepalive timeout when the client asks for none.
pub(crate) const DEFAULT_KEEPALIVE: u64 = 10;
/// The range Twitch accepts for `keepalive_timeout_seconds`.
pub(crate) const KEEPALIVE_RANGE: (u64, u64) = (10, 600);

/// `keepalive_timeout_seconds` as Twitch reads it: absent gives 10, a number
/// is rounded and brought into 10..=600, anything else is refused.
pub(crate) fn keepalive_of(text: Option<&str>) -> Result<u64, ApiError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(DEFAULT_KEEPALIVE);
    };
    let (low, high) = KEEPALIVE_RANGE;
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n.round().clamp(low as f64, high as f64) as u64),
        _ => Err(ApiError::bad_request(format!(
            "keepalive_timeout_seconds must be an integer between {low} and {high}"
        ))),
    }
}

/// Upgrades `GET /eventsub/ws` to a websocket.
pub(crate) async fn upgrade(AxumState(shared): AxumState<Shared>, request: Request) -> Response {
    let (mut parts, _body) = request.into_parts();
    let conn = parts
        .extensions
        .get::<ConnectInfo<Conn>>()
        .map(|info| info.0.clone());
    let params = Params::parse(parts.uri.query());
    let keepalive = match keepalive_of(params.get("keepalive_timeout_seconds")) {
        Ok(keepalive) => keepalive,
        Err(error) => return error.into_response(),
    };
    let reconnect = params.get("reconnect").map(str::to_owned);
    let ws = match WebSocketUpgrade::from_request_parts(&mut parts, &shared).await {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    ws.max_message_size(MAX_FRAME)
        .max_frame_size(MAX_FRAME)
        .on_upgrade(move |socket| run(socket, shared, conn, keepalive, reconnect))
}

/// A socket that found (or opened) its session.
struct Joined {
    session_id: String,
    socket: u64,
    welcome: String,
    keepalive_seconds: u64,
    /// A new session (the subscribe deadline applies), not a reconnect.
    fresh: bool,
    settings: Settings,
}

/// Opens a session, or joins the one waiting for reconnect token `reconnect`.
fn join(
    state: &mut State,
    keepalive: u64,
    reconnect: Option<&str>,
    tx: mpsc::UnboundedSender<Command>,
) -> Option<Joined> {
    let now = OffsetDateTime::now_utc();
    let (session_id, socket, fresh) = match reconnect {
        Some(token) => {
            let (id, socket) = state.eventsub.sessions.join(token, tx)?;
            (id, socket, false)
        }
        None => {
            let id = state.next_secret();
            let socket = state.eventsub.sessions.open(&id, keepalive, now, tx);
            (id, socket, true)
        }
    };
    let keepalive_seconds = state.eventsub.sessions.get(&session_id)?.keepalive_seconds;
    let message_id = state.next_uuid();
    Some(Joined {
        welcome: messages::welcome(&message_id, &session_id, now, keepalive_seconds),
        session_id,
        socket,
        keepalive_seconds,
        fresh,
        settings: state.eventsub.settings,
    })
}

/// How a socket ended.
enum End {
    /// The client closed it, or the connection broke.
    Gone,
    /// The server closed it with this code.
    Closed(u16),
    /// Ended by a command; the state was updated by whoever gave it.
    Commanded,
}

/// The timers of one socket.
struct Timers {
    keepalive_every: Duration,
    keepalive_at: Instant,
    ping_at: Instant,
    awaiting_pong: bool,
    /// The subscribe deadline of a new session, until it passed.
    deadline: Option<Instant>,
    /// Set by a reconnect: when the socket closes with 4004.
    grace: Option<Instant>,
}

/// `now + wait`, or a year from now when that does not fit.
fn after(now: Instant, wait: Duration) -> Instant {
    now.checked_add(wait)
        .unwrap_or_else(|| now + Duration::from_secs(365 * 24 * 3600))
}

async fn send(socket: &mut WebSocket, text: String) -> bool {
    socket.send(Message::Text(text.into())).await.is_ok()
}

async fn close_with(socket: &mut WebSocket, code: u16) {
    close(socket, code, close_reason(code)).await;
}

/// Serves one socket until it ends.
async fn run(
    mut socket: WebSocket,
    shared: Shared,
    conn: Option<Conn>,
    keepalive: u64,
    reconnect: Option<String>,
) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let joined = join(&mut lock(&shared), keepalive, reconnect.as_deref(), tx);
    let Some(joined) = joined else {
        close_with(&mut socket, 4007).await;
        return;
    };
    let Joined {
        session_id,
        socket: number,
        welcome,
        ..
    } = &joined;
    tracing::debug!(%session_id, number, "twitchapi-mock eventsub socket opened");
    let settings = joined.settings;
    let now = Instant::now();
    let keepalive_every = settings
        .keepalive_interval
        .unwrap_or(Duration::from_secs(joined.keepalive_seconds));
    let mut timers = Timers {
        keepalive_every,
        keepalive_at: after(now, keepalive_every),
        ping_at: after(now, settings.ping_interval),
        awaiting_pong: false,
        deadline: joined
            .fresh
            .then(|| after(now, settings.subscribe_deadline)),
        grace: None,
    };
    let end = if send(&mut socket, welcome.clone()).await {
        serve(&mut socket, &shared, &mut rx, &conn, &joined, &mut timers).await
    } else {
        End::Gone
    };
    let status = match end {
        End::Gone => Some(status_for_close(None)),
        End::Closed(code) => Some(status_for_close(Some(code))),
        End::Commanded => None,
    };
    if let Some(status) = status {
        lock(&shared)
            .eventsub
            .socket_ended(session_id, *number, status);
    }
    tracing::debug!(%session_id, number, "twitchapi-mock eventsub socket closed");
}

/// The loop: frames from the client, commands, timers.
async fn serve(
    socket: &mut WebSocket,
    shared: &Shared,
    rx: &mut mpsc::UnboundedReceiver<Command>,
    conn: &Option<Conn>,
    joined: &Joined,
    timers: &mut Timers,
) -> End {
    let settings = joined.settings;
    loop {
        let deadline = timers.deadline.unwrap_or(timers.keepalive_at);
        let grace = timers.grace.unwrap_or(timers.keepalive_at);
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(_) | Message::Binary(_))) => {
                    close_with(socket, 4001).await;
                    return End::Closed(4001);
                }
                Some(Ok(Message::Pong(_))) => timers.awaiting_pong = false,
                // The websocket layer answers pings.
                Some(Ok(Message::Ping(_))) => {}
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return End::Gone,
            },
            command = rx.recv() => match command {
                Some(Command::Text(text)) => {
                    if !send(socket, text).await {
                        return End::Gone;
                    }
                    timers.keepalive_at = after(Instant::now(), timers.keepalive_every);
                }
                Some(Command::Reconnect(text)) => {
                    if !send(socket, text).await {
                        return End::Gone;
                    }
                    let now = Instant::now();
                    timers.keepalive_at = after(now, timers.keepalive_every);
                    timers.grace = Some(after(now, settings.reconnect_grace));
                }
                Some(Command::Close(code)) => {
                    close_with(socket, code).await;
                    return End::Commanded;
                }
                Some(Command::Drop) => {
                    drop_abruptly(socket, conn.as_ref()).await;
                    return End::Commanded;
                }
                Some(Command::Shutdown) | None => {
                    close_with(socket, 1001).await;
                    return End::Commanded;
                }
            },
            () = tokio::time::sleep_until(timers.keepalive_at) => {
                let text = {
                    let mut state = lock(shared);
                    (!state.eventsub.stop_keepalives).then(|| messages::keepalive(&state.next_uuid()))
                };
                if let Some(text) = text {
                    if !send(socket, text).await {
                        return End::Gone;
                    }
                }
                timers.keepalive_at = after(Instant::now(), timers.keepalive_every);
            }
            () = tokio::time::sleep_until(timers.ping_at) => {
                if timers.awaiting_pong {
                    close_with(socket, 4002).await;
                    return End::Closed(4002);
                }
                if socket.send(Message::Ping(Vec::new().into())).await.is_err() {
                    return End::Gone;
                }
                timers.awaiting_pong = true;
                timers.ping_at = after(Instant::now(), settings.ping_interval);
            }
            () = tokio::time::sleep_until(deadline), if timers.deadline.is_some() => {
                timers.deadline = None;
                let subscribed = lock(shared)
                    .eventsub
                    .sessions
                    .get(&joined.session_id)
                    .is_some_and(|s| s.subscribed);
                if !subscribed {
                    close_with(socket, 4003).await;
                    return End::Closed(4003);
                }
            }
            () = tokio::time::sleep_until(grace), if timers.grace.is_some() => {
                close_with(socket, 4004).await;
                return End::Closed(4004);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keepalives_are_read_like_twitch() {
        assert_eq!(keepalive_of(None), Ok(10));
        assert_eq!(keepalive_of(Some("")), Ok(10));
        assert_eq!(keepalive_of(Some("30")), Ok(30));
        assert_eq!(keepalive_of(Some("5")), Ok(10));
        assert_eq!(keepalive_of(Some("-3")), Ok(10));
        assert_eq!(keepalive_of(Some("601")), Ok(600));
        assert_eq!(keepalive_of(Some("99999999999999999999")), Ok(600));
        assert_eq!(keepalive_of(Some("12.4")), Ok(12));
        for bad in ["ten", "NaN", "inf", "1e999", "0x10"] {
            assert!(keepalive_of(Some(bad)).is_err(), "{bad}");
        }
    }
}
