//! The callback server of the WebSub webhook: every request, whatever its
//! path, goes to the machine's `handle_request`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use twitchapi_core::Instant;

use super::state::Inner;
use crate::serve::read_at_most;

async fn handle(State(inner): State<Arc<Inner>>, request: Request) -> Response {
    let limit = inner.lock().machine.body_limit();
    let (parts, body) = request.into_parts();
    let body = read_at_most(body, limit.saturating_add(1)).await;
    let request = http::Request::from_parts(parts, body);
    let answer =
        inner.with_machine(|state, now: Instant| state.machine.handle_request(request, now));
    answer.map(Body::from)
}

/// Serves `listener` until `shutdown` turns true.
pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    inner: Arc<Inner>,
    shutdown: watch::Receiver<bool>,
) {
    let app = Router::new().fallback(handle).with_state(inner);
    crate::serve::serve(listener, tls, app, shutdown).await;
}
