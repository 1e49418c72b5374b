//! An EventSub WebSocket client for the tests: connect, read messages, expect closes.
#![allow(dead_code)] // shared by several test files; each uses part of it

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Longest wait for something that should come.
pub const WAIT: Duration = Duration::from_secs(5);
/// How long silence must last to count.
pub const QUIET: Duration = Duration::from_millis(300);

pub async fn connect(url: &str) -> Ws {
    let (ws, _) = connect_async(url).await.expect("connect");
    ws
}

/// The next frame that is not a ping or pong, within [`WAIT`].
pub async fn next_frame(ws: &mut Ws) -> Option<Message> {
    loop {
        let next = tokio::time::timeout(WAIT, ws.next())
            .await
            .expect("a frame within 5 s");
        match next {
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            Some(Ok(message)) => return Some(message),
            Some(Err(_)) | None => return None,
        }
    }
}

/// The next text frame as JSON.
pub async fn next_json(ws: &mut Ws) -> Value {
    match next_frame(ws).await {
        Some(Message::Text(text)) => {
            serde_json::from_str(text.as_str()).unwrap_or_else(|_| panic!("not JSON: {text}"))
        }
        other => panic!("expected a text frame, got {other:?}"),
    }
}

/// The next message, asserting its `metadata.message_type`.
pub async fn next_of(ws: &mut Ws, message_type: &str) -> Value {
    let message = next_json(ws).await;
    assert_eq!(
        message["metadata"]["message_type"], message_type,
        "{message}"
    );
    message
}

/// Reads the welcome; returns the session id.
pub async fn welcome(ws: &mut Ws) -> String {
    let message = next_of(ws, "session_welcome").await;
    message["payload"]["session"]["id"]
        .as_str()
        .expect("session id")
        .to_owned()
}

/// Connects and reads the welcome.
pub async fn session(url: &str) -> (Ws, String) {
    let mut ws = connect(url).await;
    let id = welcome(&mut ws).await;
    (ws, id)
}

/// The close frame that must come next: its code and reason.
pub async fn next_close(ws: &mut Ws) -> (u16, String) {
    match next_frame(ws).await {
        Some(Message::Close(Some(frame))) => (u16::from(frame.code), frame.reason.to_string()),
        other => panic!("expected a close frame, got {other:?}"),
    }
}

/// Nothing but pings arrive for [`QUIET`].
pub async fn silent(ws: &mut Ws) {
    let until = tokio::time::Instant::now() + QUIET;
    loop {
        match tokio::time::timeout_at(until, ws.next()).await {
            Err(_) => return,
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
            Ok(other) => panic!("expected silence, got {other:?}"),
        }
    }
}

pub async fn send_text(ws: &mut Ws, text: &str) {
    ws.send(Message::text(text.to_owned())).await.expect("send");
}
