//! Channels.

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

const BROADCASTER: Param = Param::new("broadcaster_id", Str, Required);

#[allow(non_upper_case_globals)]
pub static get_channel_information: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static modify_channel_information: Spec = Spec {
    params: &[
        BROADCASTER,
        Param::new("game_id", Str, Optional),
        Param::new("broadcaster_language", Str, Optional),
        Param::new("title", Str, Optional),
    ],
    rules: &[
        NotEmpty("broadcaster_id"),
        AtLeastOne(&["game_id", "broadcaster_language", "title"]),
        NotEmpty("title"),
    ],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    body: &[
        Out::new("game_id", "game_id", Skip),
        Out::new("broadcaster_language", "broadcaster_language", Skip),
        Out::new("title", "title", Skip),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_channel_followers: Spec = Spec {
    params: &[
        Param::new("after", Str, Optional),
        BROADCASTER,
        Param::new("first", U32, Optional),
        Param::new("user_id", Str, Optional),
    ],
    rules: &[
        Range("first", 1, 100),
        NotEmpty("broadcaster_id"),
        NotEmpty("user_id"),
    ],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_id", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
