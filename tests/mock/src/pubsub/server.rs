//! `GET /pubsub`: the websocket upgrade and the loop of one connection.

use std::time::Instant;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State as AxumState};
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;

use super::frames::{self, Reply};
use super::Command;
use crate::conn::Conn;
use crate::state::{lock, Shared};

/// Largest frame a client may send (Twitch's frames are small).
const MAX_FRAME: usize = 64 * 1024;

/// Upgrades `GET /pubsub` to a websocket; anything else gets axum's refusal.
pub(crate) async fn upgrade(AxumState(shared): AxumState<Shared>, request: Request) -> Response {
    let (mut parts, _body) = request.into_parts();
    let conn = parts
        .extensions
        .get::<ConnectInfo<Conn>>()
        .map(|info| info.0.clone());
    let ws = match WebSocketUpgrade::from_request_parts(&mut parts, &shared).await {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    ws.max_message_size(MAX_FRAME)
        .max_frame_size(MAX_FRAME)
        .on_upgrade(move |socket| run(socket, shared, conn))
}

/// What the loop does next.
enum Step {
    Go,
    End,
}

/// Serves one connection until it closes, is dropped, or idles out.
async fn run(mut socket: WebSocket, shared: Shared, conn: Option<Conn>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let (id, idle) = {
        let mut state = lock(&shared);
        let idle = state.pubsub.idle_timeout;
        (state.pubsub.register(tx.clone()), idle)
    };
    tracing::debug!(id, "twitchapi-mock pubsub connection opened");
    let mut deadline = tokio::time::Instant::now() + idle;
    loop {
        let step = tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(message)) => {
                    let text = match message {
                        Message::Text(text) => text.as_str().to_owned(),
                        // Twitch speaks text only: a binary frame is a bad message.
                        Message::Binary(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                        Message::Ping(_) | Message::Pong(_) => continue,
                        Message::Close(_) => break,
                    };
                    let handled = frames::handle(&mut lock(&shared), id, &text, Instant::now());
                    if handled.pinged {
                        deadline = tokio::time::Instant::now() + idle;
                    }
                    match handled.reply {
                        Some(reply) => answer(&mut socket, &tx, reply).await,
                        None => Step::Go,
                    }
                }
                None | Some(Err(_)) => Step::End,
            },
            command = rx.recv() => match command {
                Some(Command::Text(text)) => send(&mut socket, text).await,
                Some(Command::Drop) => {
                    drop_abruptly(&mut socket, conn.as_ref()).await;
                    Step::End
                }
                Some(Command::Close) | None => {
                    close(&mut socket, 1001, "server shutting down").await;
                    Step::End
                }
            },
            () = tokio::time::sleep_until(deadline) => {
                // Twitch closed connections that sent no PING for 5 minutes.
                lock(&shared).pubsub.unregister(id);
                close(&mut socket, 1000, "no PING received").await;
                Step::End
            }
        };
        if let Step::End = step {
            break;
        }
    }
    lock(&shared).pubsub.unregister(id);
    tracing::debug!(id, "twitchapi-mock pubsub connection closed");
}

async fn send(socket: &mut WebSocket, text: String) -> Step {
    match socket.send(Message::Text(text.into())).await {
        Ok(()) => Step::Go,
        Err(_) => Step::End,
    }
}

/// Sends `reply` now, or later through the connection's own queue.
async fn answer(socket: &mut WebSocket, tx: &mpsc::UnboundedSender<Command>, reply: Reply) -> Step {
    if reply.delay.is_zero() {
        return send(socket, reply.text).await;
    }
    let tx = tx.clone();
    tokio::spawn(async move {
        tokio::time::sleep(reply.delay).await;
        let _ = tx.send(Command::Text(reply.text));
    });
    Step::Go
}

/// Sends a close frame with `code` and `reason`.
pub(crate) async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// Ends the connection with no close frame: the next write resets the TCP
/// connection (RST) where the connection handle is known; otherwise the
/// socket is just dropped (FIN).
pub(crate) async fn drop_abruptly(socket: &mut WebSocket, conn: Option<&Conn>) {
    if let Some(conn) = conn {
        conn.reset();
        // Fails by design: it is the write that applies the reset.
        let _ = socket.send(Message::Text("".into())).await;
    }
}
