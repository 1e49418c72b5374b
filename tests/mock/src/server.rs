//! The router and the serving task.

use axum::http::StatusCode;
use axum::middleware::{from_fn_with_state, map_response};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::conn::{Conn, Listener};
use crate::errors::ApiError;
use crate::state::Shared;
use crate::{headers, helix, oauth, record};

async fn not_found() -> Response {
    ApiError::not_found("Not Found").into_response()
}

async fn method_not_allowed() -> Response {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed").into_response()
}

pub(crate) fn router(shared: Shared) -> Router {
    Router::new()
        .merge(oauth::router())
        .route("/helix", any(helix::handle))
        .route("/helix/{*rest}", any(helix::handle))
        .route("/pubsub", get(crate::pubsub::server::upgrade))
        .route("/eventsub/ws", get(crate::eventsub::socket::upgrade))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(shared.clone(), record::record))
        .layer(map_response(headers::stamp))
        .merge(crate::admin::router())
        .with_state(shared)
}

/// Serves until `stop` fires (or its sender is dropped).
pub(crate) async fn serve(listener: TcpListener, shared: Shared, stop: oneshot::Receiver<()>) {
    let app = router(shared).into_make_service_with_connect_info::<Conn>();
    let shutdown = async move {
        let _ = stop.await;
    };
    if let Err(error) = axum::serve(Listener::new(listener), app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        tracing::warn!(%error, "twitchapi-mock server stopped with an error");
    }
}
