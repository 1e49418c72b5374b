//! Seeded clips and videos.

use time::{Duration, OffsetDateTime};

use crate::model::{Clip, Data, MutedSegment, User, Video};
use crate::state::splitmix;

const CLIPS: usize = 40;
const VIDEOS: usize = 40;
const FIRST_VIDEO_ID: u64 = 335_921_245;

const WORD1: [&str; 8] = [
    "Awkward", "Brave", "Clever", "Dizzy", "Eager", "Fancy", "Gentle", "Happy",
];
const WORD2: [&str; 8] = [
    "Helpless", "Tiny", "Shiny", "Quiet", "Loud", "Sleepy", "Hungry", "Lucky",
];
const WORD3: [&str; 8] = [
    "Salamander",
    "Otter",
    "Falcon",
    "Badger",
    "Panda",
    "Lobster",
    "Koala",
    "Walrus",
];
const WORD4: [&str; 8] = [
    "SwiftRage",
    "Kappa",
    "PogChamp",
    "BibleThump",
    "ResidentSleeper",
    "NotLikeThis",
    "SeemsGood",
    "Kreygasm",
];

fn video_id(k: usize) -> String {
    (FIRST_VIDEO_ID + k as u64 * 1000).to_string()
}

/// twitchdev for every 4th item, else one of the live users.
fn owner(data: &Data, n: usize, step: usize) -> &User {
    if n % 4 == 0 {
        &data.users[0]
    } else {
        &data.users[1 + (n * step) % 120]
    }
}

fn language_of(data: &Data, user: &User) -> String {
    data.channel(&user.id)
        .map(|c| c.broadcaster_language.clone())
        .unwrap_or_else(|| "en".to_owned())
}

pub(crate) fn clips(data: &Data, now: OffsetDateTime) -> Vec<Clip> {
    (0..CLIPS)
        .map(|j| {
            let mix = splitmix(j as u64 ^ 0xC11B);
            let id = format!(
                "{}{}{}{}",
                WORD1[j % 8],
                WORD2[(j / 8) % 8],
                WORD3[(mix % 8) as usize],
                WORD4[((mix >> 8) % 8) as usize]
            );
            let broadcaster = owner(data, j, 3);
            let creator = &data.users[1 + (j * 7 + 1) % 160];
            let game = &data.games[(j * 5) % data.games.len()];
            let video = if j % 3 == 0 {
                String::new()
            } else {
                video_id(j % VIDEOS)
            };
            Clip {
                url: format!("https://clips.twitch.tv/{id}"),
                embed_url: format!("https://clips.twitch.tv/embed?clip={id}"),
                id,
                broadcaster_id: broadcaster.id.clone(),
                broadcaster_name: broadcaster.display_name.clone(),
                creator_id: creator.id.clone(),
                creator_name: creator.display_name.clone(),
                vod_offset: (!video.is_empty()).then_some(60 + (mix >> 16) % 7200),
                video_id: video,
                game_id: game.id.clone(),
                language: language_of(data, broadcaster),
                title: format!("{} moment #{j}", game.name),
                view_count: 10 + (mix >> 20) % 50_000,
                created_at: now - Duration::hours(j as i64 * 36 + ((mix >> 40) % 24) as i64),
                thumbnail_url: format!(
                    "https://clips-media-assets.twitch.tv/{}-preview-480x272.jpg",
                    157_589_949 + j * 17
                ),
                duration: (50 + (mix >> 32) % 550) as f64 / 10.0,
                is_featured: j % 5 == 0,
            }
        })
        .collect()
}

/// `3h8m33s`-style duration.
fn duration_text(total: u64) -> String {
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    if h > 0 {
        format!("{h}h{m}m{s}s")
    } else if m > 0 {
        format!("{m}m{s}s")
    } else {
        format!("{s}s")
    }
}

pub(crate) fn videos(data: &Data, now: OffsetDateTime) -> Vec<Video> {
    const KINDS: [&str; 3] = ["archive", "upload", "highlight"];
    (0..VIDEOS)
        .map(|k| {
            let mix = splitmix(k as u64 ^ 0x71DE0);
            let user = owner(data, k, 5);
            let id = video_id(k);
            let created_at = now - Duration::hours(k as i64 * 37 + 1);
            let mut video = Video {
                stream_id: None,
                user_id: user.id.clone(),
                user_login: user.login.clone(),
                user_name: user.display_name.clone(),
                title: format!("{} video #{k}", user.display_name),
                description: format!("Seeded mock video number {k}."),
                created_at,
                published_at: created_at + Duration::minutes(30),
                url: format!("https://www.twitch.tv/videos/{id}"),
                thumbnail_url: format!(
                    "https://static-cdn.jtvnw.net/cf_vods/d2nvs31859zcd8/{}/{id}/thumb/index-0000000000-%{{width}}x%{{height}}.jpg",
                    user.login
                ),
                viewable: "public".to_owned(),
                view_count: mix % 2_000_000,
                language: language_of(data, user),
                kind: KINDS[k % 3].to_owned(),
                duration: duration_text(60 + (mix >> 24) % 12_000),
                muted_segments: (k % 6 == 0).then(|| {
                    vec![MutedSegment {
                        duration: 30,
                        offset: 120,
                    }]
                }),
                game_id: data.games[(k * 3) % data.games.len()].id.clone(),
                trending: (mix >> 44) % 1000,
                id,
            };
            if video.kind == "archive" {
                video.stream_id = Some((39_000_000_000u64 + k as u64 * 7).to_string());
            }
            if k == 0 {
                video.title = "Twitch Developers 101".to_owned();
                video.description = "Welcome to Twitch development! Here is a quick overview of our products and information to help you get started.".to_owned();
                video.kind = "upload".to_owned();
                video.stream_id = None;
                video.duration = "3m21s".to_owned();
            }
            video
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::duration_text;

    #[test]
    fn durations_format_like_twitch() {
        assert_eq!(duration_text(11_313), "3h8m33s");
        assert_eq!(duration_text(201), "3m21s");
        assert_eq!(duration_text(9), "9s");
    }
}
