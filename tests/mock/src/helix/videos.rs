//! GET /helix/videos.

use std::cmp::Reverse;

use axum::response::Response;
use time::{Duration, OffsetDateTime};

use super::{exactly_one, page, Auth, HelixRequest, Pagination};
use crate::errors::ApiError;
use crate::model::Video;
use crate::state::State;

/// Videos by `id` (1 to 100), or of one `user_id` or `game_id`, filtered by
/// `language` (game_id only), `period` and `type`, ordered by `sort`.
pub(crate) fn get(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let params = &req.params;
    let selector = exactly_one(params, &["id", "user_id", "game_id"])?;
    let period = params.one_of("period", &["all", "day", "week", "month"])?;
    let sort = params.one_of("sort", &["time", "trending", "views"])?;
    let kind = params.one_of("type", &["all", "upload", "archive", "highlight"])?;
    let language = params.non_empty("language");
    let paging = params.page(true)?;
    let videos = &state.data.videos;
    if selector == 0 {
        if ["period", "sort", "type", "language"]
            .iter()
            .any(|k| params.non_empty(k).is_some())
        {
            return Err(ApiError::bad_request(
                "The period, sort, type and language parameters may not be used with id",
            ));
        }
        let ids = params.list("id", 100)?;
        let found: Vec<Video> = ids
            .iter()
            .filter_map(|id| videos.iter().find(|v| v.id == *id))
            .cloned()
            .collect();
        return page(found, Pagination::default());
    }
    if selector == 1 && language.is_some() {
        return Err(ApiError::bad_request(
            "The language parameter may only be used with game_id",
        ));
    }
    let key = if selector == 1 { "user_id" } else { "game_id" };
    let wanted = params.list(key, 1)?;
    let wanted = wanted.first().copied().unwrap_or_default();
    let since = match period {
        "day" => Some(Duration::days(1)),
        "week" => Some(Duration::weeks(1)),
        "month" => Some(Duration::days(30)),
        _ => None,
    }
    .map(|d| OffsetDateTime::now_utc() - d);
    let mut found: Vec<Video> = videos
        .iter()
        .filter(|v| {
            let owner = if selector == 1 {
                &v.user_id
            } else {
                &v.game_id
            };
            owner == wanted
        })
        .filter(|v| language.is_none_or(|l| v.language == l))
        .filter(|v| kind == "all" || v.kind == kind)
        .filter(|v| since.is_none_or(|s| v.created_at >= s))
        .cloned()
        .collect();
    match sort {
        "views" => found.sort_by_key(|v| Reverse(v.view_count)),
        "trending" => found.sort_by_key(|v| Reverse(v.trending)),
        _ => found.sort_by_key(|v| Reverse(v.created_at)),
    }
    let (data, pagination) = paging.apply(&found);
    page(data, pagination)
}
