//! Seeded tags, codes, drops, extension transactions, webhooks and markers.

use std::collections::BTreeMap;

use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::model::{
    rfc3339, Data, DropEntitlement, ExtensionTransaction, Marker, ProductCost, ProductData,
    StreamTag, User, WebhookSubscription,
};
use crate::seeded::{
    CODES, LIVE_USER_ID, LIVE_USER_MARKERS, MARKED_VIDEO_ID, TAG_ENGLISH, TAG_ONE_CREDIT_CLEAR,
    TAG_SPEEDRUN, TRANSACTIONS_EXTENSION_ID,
};
use crate::state::{splitmix, uuid_like};

/// (fixed id, name, language of an automatic tag).
const TAGS: &[(Option<&str>, &str, Option<&str>)] = &[
    (Some(TAG_ENGLISH), "English", Some("en")),
    (None, "Spanish", Some("es")),
    (None, "German", Some("de")),
    (None, "French", Some("fr")),
    (None, "Portuguese", Some("pt")),
    (None, "Japanese", Some("ja")),
    (None, "Korean", Some("ko")),
    (None, "Italian", Some("it")),
    (None, "Russian", Some("ru")),
    (Some(TAG_ONE_CREDIT_CLEAR), "1 Credit Clear", None),
    (Some(TAG_SPEEDRUN), "Speedrun", None),
    (None, "Casual Playthrough", None),
    (None, "Competitive", None),
    (None, "Educational", None),
    (None, "Blind Playthrough", None),
    (None, "Co-op", None),
    (None, "Family Friendly", None),
    (None, "Esports", None),
    (None, "Tutorial", None),
    (None, "No Commentary", None),
    (None, "Chill Stream", None),
    (None, "Let's Play", None),
    (None, "Software Development", None),
    (None, "Creative", None),
];

fn tag_id(i: usize) -> String {
    TAGS[i]
        .0
        .map(str::to_owned)
        .unwrap_or_else(|| uuid_like(0x7A60 + i as u64))
}

/// The automatic tag of a broadcast language, if the catalogue has one.
pub(crate) fn auto_tag_for(language: &str) -> Option<String> {
    TAGS.iter().position(|t| t.2 == Some(language)).map(tag_id)
}

fn tags() -> Vec<StreamTag> {
    TAGS.iter()
        .enumerate()
        .map(|(i, &(_, name, language))| {
            let description = match language {
                Some(_) => format!("For streams featuring the use of {name}"),
                None => format!("For streams with an emphasis on {}", name.to_lowercase()),
            };
            StreamTag {
                tag_id: tag_id(i),
                is_auto: language.is_some(),
                localization_names: BTreeMap::from([("en-us".to_owned(), name.to_owned())]),
                localization_descriptions: BTreeMap::from([("en-us".to_owned(), description)]),
            }
        })
        .collect()
}

/// The VOD id of a live user's current stream.
pub(crate) fn live_vod_id(user_id: &str) -> String {
    format!("5{user_id}")
}

/// `?t=0h4m06s`-style offset of the highlighter URL.
pub(crate) fn marker_url(login: &str, video_id: &str, position: u64) -> String {
    let (h, m, s) = (position / 3600, (position / 60) % 60, position % 60);
    format!("https://twitch.tv/{login}/manager/highlighter/{video_id}?t={h}h{m}m{s:02}s")
}

/// A 32-hex-digit marker id.
fn marker_id(seed: u64) -> String {
    format!("{:016x}{:016x}", splitmix(seed), splitmix(seed ^ 0xFACE))
}

fn marker(user: &User, video_id: &str, start: OffsetDateTime, position: u64, k: u64) -> Marker {
    Marker {
        id: marker_id(0x3A6E_0000 + k),
        created_at: rfc3339(start + Duration::seconds(position as i64)),
        description: format!("marker #{k}"),
        position_seconds: position,
        url: marker_url(&user.login, video_id, position),
        user_id: user.id.clone(),
        video_id: video_id.to_owned(),
    }
}

fn markers(data: &Data) -> Vec<Marker> {
    let mut markers = Vec::new();
    if let Some(video) = data.videos.iter().find(|v| v.id == MARKED_VIDEO_ID) {
        for k in 0..5u64 {
            markers.push(marker(
                &data.users[0],
                &video.id,
                video.created_at,
                30 + k * 37,
                k,
            ));
        }
    }
    if let (Some(user), Some(live)) = (data.user(LIVE_USER_ID), data.is_live(LIVE_USER_ID)) {
        let vod = live_vod_id(&user.id);
        for k in 0..LIVE_USER_MARKERS as u64 {
            markers.push(marker(user, &vod, live.started_at, 10 + k * 20, 100 + k));
        }
    }
    markers.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    markers
}

fn drops(data: &Data) -> Vec<DropEntitlement> {
    let base = datetime!(2024-01-28 04:17:53.325 UTC);
    (0..30u64)
        .map(|k| {
            let user = if k % 6 == 0 {
                &data.users[0]
            } else {
                &data.users[1 + (k % 5) as usize]
            };
            let at = base - Duration::minutes(k as i64 * 7);
            DropEntitlement {
                id: uuid_like(0xD809 + k),
                benefit_id: if k % 3 == 0 {
                    "cdfdc5c3-65a2-43bc-8767-fde06eb4ab2c"
                } else {
                    "74c52265-e214-48a6-91b9-23b6014e8041"
                }
                .to_owned(),
                timestamp: rfc3339(at),
                user_id: user.id.clone(),
                game_id: if k % 2 == 0 { "33214" } else { "27471" }.to_owned(),
                fulfillment_status: if k % 4 == 3 { "FULFILLED" } else { "CLAIMED" }.to_owned(),
                last_updated: rfc3339(at + Duration::minutes(2)),
            }
        })
        .collect()
}

fn transactions(data: &Data) -> Vec<ExtensionTransaction> {
    let base = datetime!(2024-01-28 04:15:53.325 UTC);
    (0..25usize)
        .map(|k| {
            let broadcaster = &data.users[if k % 2 == 0 { 0 } else { 1 }];
            let user = &data.users[11 + k];
            let amount = if k % 2 == 0 { 100 } else { 200 };
            ExtensionTransaction {
                id: uuid_like(0x7A5 + k as u64),
                timestamp: rfc3339(base - Duration::hours(k as i64 * 5)),
                broadcaster_id: broadcaster.id.clone(),
                broadcaster_login: broadcaster.login.clone(),
                broadcaster_name: broadcaster.display_name.clone(),
                user_id: user.id.clone(),
                user_login: user.login.clone(),
                user_name: user.display_name.clone(),
                product_type: "BITS_IN_EXTENSION".to_owned(),
                product_data: ProductData {
                    domain: format!("twitch.ext.{TRANSACTIONS_EXTENSION_ID}"),
                    sku: format!("testSku{amount}"),
                    cost: ProductCost {
                        amount,
                        kind: "bits".to_owned(),
                    },
                    in_development: false,
                    display_name: format!("Test Product {amount}"),
                    expiration: String::new(),
                    broadcast: false,
                },
                extension_id: TRANSACTIONS_EXTENSION_ID.to_owned(),
            }
        })
        .collect()
}

fn webhooks(data: &Data, now: OffsetDateTime) -> Vec<WebhookSubscription> {
    (0..25usize)
        .map(|k| WebhookSubscription {
            topic: format!(
                "https://api.twitch.tv/helix/streams?user_id={}",
                data.users[1 + k].id
            ),
            callback: "http://example.com/your_callback".to_owned(),
            expires_at: now + Duration::hours(k as i64 + 1),
        })
        .collect()
}

pub(crate) fn seed(data: &mut Data, now: OffsetDateTime) {
    data.tags = tags();
    data.codes = CODES
        .iter()
        .map(|&(code, status)| (code.to_owned(), status.to_owned()))
        .collect();
    data.markers = markers(data);
    data.drops = drops(data);
    data.transactions = transactions(data);
    data.webhooks = webhooks(data, now);
}
