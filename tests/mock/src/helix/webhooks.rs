//! GET /helix/webhooks/subscriptions (retired by Twitch; served as documented in 2021).

use axum::response::Response;
use serde::Serialize;

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

/// The app's webhook subscriptions (app token), paged with `first` and `after`.
pub(crate) fn get(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.require_app()?;
    let paging = req.params.page(false)?;
    let all = &state.data.webhooks;
    let (data, pagination) = paging.apply(all);
    Ok(json_ok(&WebhooksBody {
        total: all.len(),
        data,
        pagination,
    }))
}
