//! The seeded game catalogue, in "top games" order.

use crate::model::Game;

/// (id, name, igdb_id); igdb ids of this mock are illustrative.
const GAMES: &[(&str, &str, &str)] = &[
    ("509658", "Just Chatting", ""),
    ("21779", "League of Legends", "115"),
    ("32982", "Grand Theft Auto V", "1020"),
    ("33214", "Fortnite", "1905"),
    ("516575", "VALORANT", "126459"),
    ("32399", "Counter-Strike", "241"),
    ("27471", "Minecraft", "121"),
    ("29595", "Dota 2", "2963"),
    ("511224", "Apex Legends", "114795"),
    ("18122", "World of Warcraft", "123"),
    ("493057", "PUBG: BATTLEGROUNDS", "27789"),
    ("491487", "Dead by Daylight", "18866"),
    ("512710", "Call of Duty: Warzone", "131800"),
    ("460630", "Tom Clancy's Rainbow Six Siege", "7360"),
    ("138585", "Hearthstone", "1279"),
    ("263490", "Rust", "3277"),
    ("491931", "Escape from Tarkov", "11185"),
    ("513143", "Teamfight Tactics", "120176"),
    ("506442", "DOOM Eternal", "103281"),
    ("494131", "Little Nightmares", "11233"),
    ("488191", "Overwatch", "11208"),
    ("33103", "Heroes of the Storm", "2147"),
    ("65632", "DayZ", "1040"),
    ("26936", "Music", ""),
    ("509660", "Art", ""),
    ("509659", "ASMR", ""),
    ("417752", "Talk Shows & Podcasts", ""),
    ("518203", "Sports", ""),
    ("509663", "Special Events", ""),
    ("66082", "Games + Demos", ""),
    ("509670", "Science & Technology", ""),
    ("1469308723", "Software and Game Development", ""),
];

pub(crate) fn games() -> Vec<Game> {
    GAMES
        .iter()
        .map(|&(id, name, igdb)| Game {
            id: id.to_owned(),
            name: name.to_owned(),
            box_art_url: box_art_url(id, "{width}", "{height}"),
            igdb_id: igdb.to_owned(),
        })
        .collect()
}

/// `https://static-cdn.jtvnw.net/ttv-boxart/ID-WxH.jpg`
pub(crate) fn box_art_url(id: &str, width: &str, height: &str) -> String {
    format!("https://static-cdn.jtvnw.net/ttv-boxart/{id}-{width}x{height}.jpg")
}
