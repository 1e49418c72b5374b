//! Channels.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_channel_information: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::same("broadcaster_id")],
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
    query: &[Out::same("broadcaster_id")],
    body: &[
        Out::same("game_id"),
        Out::same("broadcaster_language"),
        Out::same("title"),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_channel_followers: Spec = Spec {
    params: &[
        AFTER,
        BROADCASTER,
        FIRST,
        Param::new("user_id", Str, Optional),
    ],
    rules: &[
        Range("first", 1, 100),
        NotEmpty("broadcaster_id"),
        NotEmpty("user_id"),
    ],
    query: &[
        Out::same("broadcaster_id"),
        Out::same("user_id"),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};
