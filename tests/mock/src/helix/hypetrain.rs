//! GET /helix/hypetrain/events (retired by Twitch; served as documented in 2022).

use axum::response::Response;
use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::{rfc3339, Data};
use crate::seed_data::event_id;
use crate::state::{splitmix, uuid_like};

/// Events of partners and affiliates (five each, newest first).
const EVENTS: u64 = 5;

#[derive(Clone, Serialize)]
struct Contribution {
    total: u64,
    #[serde(rename = "type")]
    kind: String,
    user: String,
}

#[derive(Clone, Serialize)]
struct EventData {
    broadcaster_id: String,
    cooldown_end_time: String,
    expires_at: String,
    goal: u64,
    id: String,
    last_contribution: Contribution,
    level: u64,
    started_at: String,
    top_contributions: Vec<Contribution>,
    total: u64,
}

#[derive(Clone, Serialize)]
struct HypeTrainEvent {
    id: String,
    event_type: String,
    event_timestamp: String,
    version: String,
    event_data: EventData,
}

fn seed_of(id: &str) -> u64 {
    id.bytes()
        .fold(0x4879_7065u64, |acc, b| splitmix(acc ^ u64::from(b)))
}

fn contribution(data: &Data, k: u64, bits: bool) -> Contribution {
    let user = &data.users[1 + (k as usize * 7) % 100];
    Contribution {
        total: if bits {
            100 + k * 50
        } else {
            500 + (k % 3) * 500
        },
        kind: if bits { "BITS" } else { "SUBS" }.to_owned(),
        user: user.id.clone(),
    }
}

fn events_of(data: &Data, broadcaster_id: &str, now: OffsetDateTime) -> Vec<HypeTrainEvent> {
    let partner = data
        .user(broadcaster_id)
        .is_some_and(|u| !u.broadcaster_type.is_empty());
    if !partner {
        return Vec::new();
    }
    let seed = seed_of(broadcaster_id);
    (0..EVENTS)
        .map(|k| {
            let at = now - Duration::hours(k as i64 * 20 + 1);
            let started = at - Duration::minutes(3);
            let last = contribution(data, seed % 50 + k, k % 2 == 0);
            let top = vec![
                contribution(data, seed % 50 + k + 1, true),
                contribution(data, seed % 50 + k + 2, false),
            ];
            let total: u64 = top.iter().map(|c| c.total).sum::<u64>() + last.total;
            HypeTrainEvent {
                id: event_id(seed ^ (k + 1)),
                event_type: "hypetrain.progression".to_owned(),
                event_timestamp: rfc3339(at),
                version: "1.0".to_owned(),
                event_data: EventData {
                    broadcaster_id: broadcaster_id.to_owned(),
                    cooldown_end_time: rfc3339(at + Duration::hours(1)),
                    expires_at: rfc3339(at + Duration::minutes(5)),
                    goal: 1800 + k * 100,
                    id: uuid_like(seed ^ (k << 8)),
                    last_contribution: last,
                    level: 1 + k % 3,
                    started_at: rfc3339(started),
                    top_contributions: top,
                    total,
                },
            }
        })
        .collect()
}

/// The token user's Hype Train events (scope `channel:read:hype_train`;
/// `broadcaster_id` = token user), `first` 1..=100 (default 1), `id`, `after`.
pub(crate) fn events(
    state: &mut crate::state::State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = auth.owner(req, &["channel:read:hype_train"], "broadcaster_id")?;
    let paging = req.params.page_with(false, 1, 100)?;
    let wanted = req.params.non_empty("id");
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let events: Vec<HypeTrainEvent> = events_of(&state.data, broadcaster_id, now)
        .into_iter()
        .filter(|e| wanted.is_none_or(|id| e.id == id))
        .collect();
    let (data, pagination) = paging.apply(&events);
    page(data, pagination)
}
