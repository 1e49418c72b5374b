//! GET /helix/webhooks/subscriptions (retired by Twitch; served as documented in 2021).

use std::time::Instant;

use axum::response::Response;
use serde::Serialize;
use time::OffsetDateTime;

use super::{Auth, HelixRequest, Pagination};
use crate::errors::{json_ok, ApiError};
use crate::model::WebhookSubscription;
use crate::state::State;

#[derive(Serialize)]
struct WebhooksBody {
    total: usize,
    data: Vec<WebhookSubscription>,
    pagination: Pagination,
}

/// The app's webhook subscriptions (app token): the seeded ones and the
/// hub's live ones, soonest expiry first, leaving out those that expired;
/// paged with `first` and `after`.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let paging = req.params.page(false)?;
    let wall = OffsetDateTime::now_utc();
    let mut all: Vec<WebhookSubscription> = state
        .data
        .webhooks
        .iter()
        .filter(|w| w.expires_at > wall)
        .cloned()
        .collect();
    all.extend(
        state
            .webhook
            .live(Instant::now())
            .iter()
            .map(|s| WebhookSubscription {
                topic: s.topic.clone(),
                callback: s.callback.clone(),
                expires_at: s.expires_at,
            }),
    );
    all.sort_by_key(|w| w.expires_at);
    let (data, pagination) = paging.apply(&all);
    Ok(json_ok(&WebhooksBody {
        total: all.len(),
        data,
        pagination,
    }))
}
