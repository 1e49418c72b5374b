//! Games.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_games: Spec = Spec {
    params: &[
        Param::new("game_ids", Strs, Optional),
        Param::new("names", Strs, Optional),
    ],
    rules: &[Count(&["game_ids", "names"], 1, 100)],
    query: &[
        Out::new("id", "game_ids", Skip),
        Out::new("name", "names", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_top_games: Spec = Spec {
    params: &[AFTER, BEFORE, FIRST],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::same_or("first", "20"),
        Out::same("after"),
        Out::same("before"),
    ],
    ..Spec::EMPTY
};
