//! GET /helix/clips.

use axum::response::Response;
use time::Duration;

use super::{data, exactly_one, page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::Clip;
use crate::state::State;

/// Clips by `id` (1 to 100), or of one `broadcaster_id` or `game_id` (most
/// viewed first, optionally within `started_at`..`ended_at`, default window one
/// week from `started_at`, and filtered by `is_featured`).
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let params = &req.params;
    let selector = exactly_one(params, &["id", "broadcaster_id", "game_id"])?;
    let started_at = params.datetime("started_at")?;
    let ended_at = params.datetime("ended_at")?;
    let featured = params.boolean("is_featured")?;
    let paging = params.page(true)?;
    let clips = &state.data.clips;
    if selector == 0 {
        let ids = params.list("id", 100)?;
        let found: Vec<Clip> = ids
            .iter()
            .filter_map(|id| clips.iter().find(|c| c.id == *id))
            .cloned()
            .collect();
        return data(found);
    }
    let key = if selector == 1 {
        "broadcaster_id"
    } else {
        "game_id"
    };
    let wanted = params.list(key, 1)?;
    let wanted = wanted.first().copied().unwrap_or_default();
    let ended_at = ended_at.or_else(|| started_at.and_then(|s| s.checked_add(Duration::weeks(1))));
    let mut found: Vec<Clip> = clips
        .iter()
        .filter(|c| {
            let owner = if selector == 1 {
                &c.broadcaster_id
            } else {
                &c.game_id
            };
            owner == wanted
        })
        .filter(|c| started_at.is_none_or(|s| c.created_at >= s))
        .filter(|c| ended_at.is_none_or(|e| c.created_at <= e))
        .filter(|c| featured.is_none_or(|f| c.is_featured == f))
        .cloned()
        .collect();
    found.sort_by(|a, b| {
        b.view_count
            .cmp(&a.view_count)
            .then_with(|| a.id.cmp(&b.id))
    });
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
