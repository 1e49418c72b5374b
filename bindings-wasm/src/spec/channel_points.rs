//! Channel points: custom rewards and their redemptions.

use super::prelude::*;

const REWARD: Param = Param::new("reward_id", Str, Required);

/// The reward settings both Create and Update take (all of them optional
/// here; Create makes `title` and `cost` required).
macro_rules! reward_params {
    ([$($lead:expr),*], $title:expr, $prompt:expr, $cost:expr) => {
        &[
            $($lead,)*
            $title,
            $prompt,
            $cost,
            Param::new("is_enabled", Bool, Optional),
            Param::new("background_color", Str, Optional),
            Param::new("is_user_input_required", Bool, Optional),
            Param::new("is_max_per_stream_enabled", Bool, Optional),
            Param::new("max_per_stream", U64, Optional),
            Param::new("is_max_per_user_per_stream_enabled", Bool, Optional),
            Param::new("max_per_user_per_stream", U64, Optional),
            Param::new("is_global_cooldown_enabled", Bool, Optional),
            Param::new("global_cooldown_seconds", U64, Optional),
            Param::new("should_redemptions_skip_request_queue", Bool, Optional),
        ]
    };
}

/// The rules of the reward settings.
macro_rules! reward_rules {
    ($($more:expr),*) => {
        &[
            NeedsWhenTrue("is_max_per_stream_enabled", "max_per_stream"),
            Range("max_per_stream", 1, u64::MAX),
            NeedsWhenTrue("is_max_per_user_per_stream_enabled", "max_per_user_per_stream"),
            Range("max_per_user_per_stream", 1, u64::MAX),
            NeedsWhenTrue("is_global_cooldown_enabled", "global_cooldown_seconds"),
            Range("global_cooldown_seconds", 1, u64::MAX),
            Chars("title", 1, 45),
            Chars("prompt", 0, 200),
            Range("cost", 1, u64::MAX),
            HexColor("background_color"),
            $($more),*
        ]
    };
}

#[allow(non_upper_case_globals)]
pub static create_custom_reward: Spec = Spec {
    params: reward_params!(
        [BROADCASTER],
        Param::new("title", Str, Required),
        Param::new("prompt", Str, NotNull),
        Param::new("cost", U64, Required)
    ),
    rules: reward_rules!(),
    query: &[Out::same("broadcaster_id")],
    body: &[
        Out::same("title"),
        Out::same_or("prompt", "\"\""),
        Out::same("cost"),
        Out::same_or("is_enabled", "true"),
        Out::same("background_color"),
        Out::same_or("is_user_input_required", "false"),
        Out::same_or("is_max_per_stream_enabled", "false"),
        Out::same("max_per_stream"),
        Out::same_or("is_max_per_user_per_stream_enabled", "false"),
        Out::same("max_per_user_per_stream"),
        Out::same_or("is_global_cooldown_enabled", "false"),
        Out::same("global_cooldown_seconds"),
        Out::same_or("should_redemptions_skip_request_queue", "false"),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};

const REWARD_FIELDS: &[&str] = &[
    "title",
    "prompt",
    "cost",
    "is_enabled",
    "background_color",
    "is_user_input_required",
    "is_max_per_stream_enabled",
    "max_per_stream",
    "is_max_per_user_per_stream_enabled",
    "max_per_user_per_stream",
    "is_global_cooldown_enabled",
    "global_cooldown_seconds",
    "should_redemptions_skip_request_queue",
];

const CHANGED: Rule = AtLeastOne(REWARD_FIELDS);

#[allow(non_upper_case_globals)]
pub static update_custom_reward: Spec = Spec {
    params: reward_params!(
        [BROADCASTER, REWARD],
        Param::new("title", Str, Optional),
        Param::new("prompt", Str, Optional),
        Param::new("cost", U64, Optional)
    ),
    rules: reward_rules!(CHANGED),
    query: &[
        Out::same("broadcaster_id"),
        Out::new("id", "reward_id", Skip),
    ],
    body: &[
        Out::same("title"),
        Out::same("prompt"),
        Out::same("cost"),
        Out::same("is_enabled"),
        Out::same("background_color"),
        Out::same("is_user_input_required"),
        Out::same("is_max_per_stream_enabled"),
        Out::same("max_per_stream"),
        Out::same("is_max_per_user_per_stream_enabled"),
        Out::same("max_per_user_per_stream"),
        Out::same("is_global_cooldown_enabled"),
        Out::same("global_cooldown_seconds"),
        Out::same("should_redemptions_skip_request_queue"),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static delete_custom_reward: Spec = Spec {
    params: &[BROADCASTER, REWARD],
    rules: &[NotEmpty("broadcaster_id"), NotEmpty("reward_id")],
    query: &[
        Out::same("broadcaster_id"),
        Out::new("id", "reward_id", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_custom_reward: Spec = Spec {
    params: &[
        BROADCASTER,
        Param::new("reward_id", Strs, Optional),
        Param::new("only_manageable_rewards", Bool, Optional),
    ],
    rules: &[Count(&["reward_id"], 0, 50)],
    query: &[
        Out::same("broadcaster_id"),
        Out::new("id", "reward_id", Skip),
        Out::same_or("only_manageable_rewards", "false"),
    ],
    ..Spec::EMPTY
};

const STATUS: &[&str] = &["UNFULFILLED", "FULFILLED", "CANCELED"];

#[allow(non_upper_case_globals)]
pub static get_custom_reward_redemption: Spec = Spec {
    params: &[
        BROADCASTER,
        REWARD,
        Param::new("id", Strs, Optional),
        Param::new("status", Enum(STATUS), Optional),
        Param::new("sort", Enum(&["OLDEST", "NEWEST"]), Optional),
        AFTER,
        FIRST,
    ],
    rules: &[
        Count(&["id"], 0, 50),
        Range("first", 1, 50),
        NeededUnless("status", &["id"]),
    ],
    query: &[
        Out::same("broadcaster_id"),
        Out::same("reward_id"),
        Out::same("id"),
        Out::same("status"),
        Out::same_or("sort", "OLDEST").unless("id"),
        Out::same("after"),
        Out::same_or("first", "20").unless("id"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static update_redemption_status: Spec = Spec {
    params: &[
        BROADCASTER,
        REWARD,
        Param::new("redemption_ids", Strs, Optional),
        Param::new("status", Enum(&["FULFILLED", "CANCELED"]), Required),
    ],
    rules: &[Count(&["redemption_ids"], 1, 50)],
    query: &[
        Out::same("broadcaster_id"),
        Out::same("reward_id"),
        Out::new("id", "redemption_ids", Skip),
    ],
    body: &[Out::same("status")],
    shape: Body::Object,
    ..Spec::EMPTY
};
