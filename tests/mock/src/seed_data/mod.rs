//! Deterministic seeded data: users, channels, streams, follows, clips,
//! videos, channel points, moderation, subscriptions, tags, entitlements...
//!
//! Identities, names, counts and orders are fixed; stream, clip and video
//! dates are relative to the server's start so `period` and date filters
//! select something. Ids tests may rely on are in [`crate::seeded`].

mod catalog;
mod community;
pub(crate) mod extensions;
mod games;
mod media;
mod points;

use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::model::{Channel, Data, Follow, LiveStream, User};
use crate::state::splitmix;

pub(crate) use catalog::{auto_tag_for, live_vod_id, marker_url};
pub(crate) use community::event_id;
pub(crate) use games::box_art_url;
pub(crate) use points::new_reward;

/// Number of seeded users besides twitchdev (`user0` .. `user159`).
pub(crate) const EXTRA_USERS: usize = 160;
/// Number of live streams (users `user0` .. `user119`).
pub(crate) const LIVE_STREAMS: usize = 120;

pub(crate) use crate::seeded::TWITCHDEV_ID;

const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Español"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("en", "English"),
    ("pt", "Português"),
    ("ja", "日本語"),
    ("en", "English"),
    ("ko", "한국어"),
    ("it", "Italiano"),
    ("ru", "Русский"),
];

pub(crate) fn seed(now: OffsetDateTime, client_id: &str) -> Data {
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let mut data = Data {
        games: games::games(),
        ..Data::default()
    };
    data.users.push(twitchdev());
    data.channels.push(twitchdev_channel());
    for i in 0..EXTRA_USERS {
        let user = user(i);
        data.channels.push(channel(i, &user, &data));
        data.users.push(user);
    }
    data.streams = streams(now);
    data.follows = follows(&data);
    data.clips = media::clips(&data, now);
    data.videos = media::videos(&data, now);
    points::seed(&mut data, now, client_id);
    community::seed(&mut data, now);
    catalog::seed(&mut data, now);
    data
}

fn twitchdev() -> User {
    User {
        id: TWITCHDEV_ID.to_owned(),
        login: "twitchdev".to_owned(),
        display_name: "TwitchDev".to_owned(),
        kind: String::new(),
        broadcaster_type: "partner".to_owned(),
        description: "Supporting third-party developers building Twitch integrations from chatbots to game integrations.".to_owned(),
        profile_image_url: "https://static-cdn.jtvnw.net/jtv_user_pictures/8a6381c7-d0c0-4576-b179-38bd5ce1d6af-profile_image-300x300.png".to_owned(),
        offline_image_url: "https://static-cdn.jtvnw.net/jtv_user_pictures/3f13ab61-ec78-4fe6-8481-8682cb3b0ac2-channel_offline_image-1920x1080.png".to_owned(),
        view_count: 5_980_557,
        email: None,
        created_at: datetime!(2016-12-14 20:32:28 UTC),
        private_email: "not-real@email.com".to_owned(),
    }
}

fn twitchdev_channel() -> Channel {
    Channel {
        broadcaster_id: TWITCHDEV_ID.to_owned(),
        broadcaster_login: "twitchdev".to_owned(),
        broadcaster_name: "TwitchDev".to_owned(),
        broadcaster_language: "en".to_owned(),
        game_id: "509670".to_owned(),
        game_name: "Science & Technology".to_owned(),
        title: "TwitchDev Monthly Update // May 6, 2021".to_owned(),
        delay: 0,
        tags: vec!["DevsInTheKnow".to_owned()],
        content_classification_labels: Vec::new(),
        is_branded_content: false,
    }
}

/// The seeded user id of `user{i}`.
pub(crate) fn user_id(i: usize) -> String {
    format!("1000{i}")
}

fn user(i: usize) -> User {
    let login = format!("user{i}");
    let broadcaster_type = if i % 10 == 0 {
        "partner"
    } else if i % 3 == 0 {
        "affiliate"
    } else {
        ""
    };
    let days = i as i64 * 11;
    User {
        id: user_id(i),
        display_name: format!("User{i}"),
        kind: if i == 7 { "staff" } else { "" }.to_owned(),
        broadcaster_type: broadcaster_type.to_owned(),
        description: format!("Seeded mock user number {i}."),
        profile_image_url: format!(
            "https://static-cdn.jtvnw.net/jtv_user_pictures/{login}-profile_image-300x300.png"
        ),
        offline_image_url: format!(
            "https://static-cdn.jtvnw.net/jtv_user_pictures/{login}-channel_offline_image-1920x1080.png"
        ),
        view_count: splitmix(i as u64) % 250_000,
        email: None,
        created_at: datetime!(2015-01-01 00:00:00 UTC)
            + Duration::days(days)
            + Duration::seconds(i as i64 * 3607),
        private_email: format!("{login}@example.invalid"),
        login,
    }
}

fn channel(i: usize, user: &User, data: &Data) -> Channel {
    let (language, language_tag) = LANGUAGES[i % LANGUAGES.len()];
    let game = &data.games[(i * 7) % data.games.len()];
    let mut tags = vec![language_tag.to_owned()];
    if i % 4 == 0 {
        tags.push("Chill".to_owned());
    }
    Channel {
        broadcaster_id: user.id.clone(),
        broadcaster_login: user.login.clone(),
        broadcaster_name: user.display_name.clone(),
        broadcaster_language: language.to_owned(),
        game_id: game.id.clone(),
        game_name: game.name.clone(),
        title: format!("{} playing {} - stream #{i}", user.display_name, game.name),
        delay: 0,
        tags,
        content_classification_labels: Vec::new(),
        is_branded_content: i % 25 == 3,
    }
}

fn streams(now: OffsetDateTime) -> Vec<LiveStream> {
    let mut streams: Vec<LiveStream> = (0..LIVE_STREAMS)
        .map(|i| {
            let mix = splitmix(i as u64 ^ 0x5717);
            LiveStream {
                id: (40_000_000_000u64 + i as u64 * 1_009_321).to_string(),
                user_id: user_id(i),
                viewer_count: 10 + mix % 100_000,
                started_at: now - Duration::minutes(15 + (mix % 600) as i64),
                is_mature: i % 9 == 4,
            }
        })
        .collect();
    streams.sort_by(|a, b| {
        b.viewer_count
            .cmp(&a.viewer_count)
            .then_with(|| a.user_id.cmp(&b.user_id))
    });
    streams
}

fn follow(from: &User, to: &User, followed_at: OffsetDateTime) -> Follow {
    Follow {
        from_id: from.id.clone(),
        from_login: from.login.clone(),
        from_name: from.display_name.clone(),
        to_id: to.id.clone(),
        to_name: to.display_name.clone(),
        to_login: to.login.clone(),
        followed_at,
    }
}

/// 80 users follow twitchdev, twitchdev follows 10, and 10 more edges between users.
fn follows(data: &Data) -> Vec<Follow> {
    let base = datetime!(2024-05-01 12:00:00 UTC);
    let twitchdev = &data.users[0];
    let extra = |i: usize| &data.users[i + 1];
    let mut edges = Vec::new();
    for i in 0..80 {
        let at = base - Duration::minutes(i as i64 * 313);
        edges.push(follow(extra(i), twitchdev, at));
    }
    for i in 0..10 {
        let at = base - Duration::minutes(i as i64 * 977 + 41);
        edges.push(follow(twitchdev, extra(i), at));
    }
    for i in 10..20 {
        let at = base - Duration::minutes(i as i64 * 1_511 + 7);
        edges.push(follow(extra(i), extra(i + 1), at));
    }
    edges.sort_by_key(|f| std::cmp::Reverse(f.followed_at));
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_sizes_and_invariants() {
        let data = seed(OffsetDateTime::now_utc(), "mock-client-id");
        assert_eq!(data.users.len(), EXTRA_USERS + 1);
        assert_eq!(data.channels.len(), data.users.len());
        assert_eq!(data.streams.len(), LIVE_STREAMS);
        assert_eq!(data.follows.len(), 100);
        assert!(data.games.len() >= 30);
        assert!(data.clips.len() >= 40);
        assert!(data.videos.len() >= 40);
        let mut ids: Vec<&str> = data.users.iter().map(|u| u.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), data.users.len());
        let mut clip_ids: Vec<&str> = data.clips.iter().map(|c| c.id.as_str()).collect();
        clip_ids.sort_unstable();
        clip_ids.dedup();
        assert_eq!(clip_ids.len(), data.clips.len());
        assert!(data
            .streams
            .windows(2)
            .all(|w| w[0].viewer_count >= w[1].viewer_count));
        assert!(data.streams.iter().all(|s| data.stream_view(s).is_some()));
        assert_eq!(data.tags.len(), crate::seeded::TAG_COUNT);
        assert_eq!(data.rewards.len(), 2);
        assert_eq!(
            data.redemptions.len(),
            crate::seeded::UNFULFILLED_REDEMPTIONS + 5
        );
        let mut tag_ids: Vec<&str> = data.tags.iter().map(|t| t.tag_id.as_str()).collect();
        tag_ids.sort_unstable();
        tag_ids.dedup();
        assert_eq!(tag_ids.len(), data.tags.len());
        let mut redemption_ids: Vec<&str> =
            data.redemptions.iter().map(|r| r.id.as_str()).collect();
        redemption_ids.sort_unstable();
        redemption_ids.dedup();
        assert_eq!(redemption_ids.len(), data.redemptions.len());
        assert_eq!(
            data.markers.len(),
            crate::seeded::LIVE_USER_MARKERS + 5,
            "both marker sets seeded"
        );
    }
}
