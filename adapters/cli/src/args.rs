//! Command-line arguments (clap). Global options work before or after the
//! subcommand and fall back to environment variables.

use clap::{Args, Parser, Subcommand};

/// `twitchapi`: call any Twitch API method from a shell, or run the mock Twitch server.
#[derive(Debug, Parser)]
#[command(name = "twitchapi", version, about, after_help = crate::help::methods())]
pub struct Cli {
    /// Options shared by every subcommand.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Credentials and endpoints.
#[derive(Debug, Args)]
pub struct Global {
    /// App (client) id.
    #[arg(long, global = true, env = "TWITCH_CLIENT_ID")]
    pub client_id: Option<String>,
    /// App secret (to fetch app tokens and refresh user tokens).
    #[arg(
        long,
        global = true,
        env = "TWITCH_CLIENT_SECRET",
        hide_env_values = true
    )]
    pub client_secret: Option<String>,
    /// Use this app token; fetch none.
    #[arg(long, global = true, env = "TWITCH_APP_TOKEN", hide_env_values = true)]
    pub app_token: Option<String>,
    /// A user access token.
    #[arg(long, global = true, env = "TWITCH_USER_TOKEN", hide_env_values = true)]
    pub user_token: Option<String>,
    /// The user token's scopes, space-separated, or `all`: calls needing other
    /// scopes fail before sending. Without it scopes are left to Twitch to check.
    #[arg(long, global = true, env = "TWITCH_USER_SCOPES")]
    pub user_scopes: Option<String>,
    /// The user token's refresh token (enables automatic refresh).
    #[arg(
        long,
        global = true,
        env = "TWITCH_REFRESH_TOKEN",
        hide_env_values = true
    )]
    pub refresh_token: Option<String>,
    /// Helix base URL.
    #[arg(long, global = true, env = "TWITCH_HELIX_URL", default_value = twitchapi_core::helix::HELIX_URL)]
    pub helix_url: String,
    /// OAuth base URL.
    #[arg(long, global = true, env = "TWITCH_AUTH_URL", default_value = twitchapi_core::auth::AUTH_URL)]
    pub auth_url: String,
    /// Start the embedded mock Twitch and point every URL and credential at it
    /// (a user token for "twitchdev" with every scope unless --user-token is given).
    #[arg(long, global = true)]
    pub mock: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Call one API method; prints the result as JSON.
    #[command(after_help = crate::help::methods())]
    Call {
        /// The seed's method name, e.g. get_users.
        method: String,
        /// One JSON object of the method's parameters, e.g. '{"logins":["twitchdev"]}'.
        /// `null` values mean "not given".
        args_json: Option<String>,
        /// Print the HTTP request that would be sent (secrets redacted); send nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Listen to PubSub topics until SIGINT/SIGTERM; prints one JSON object per
    /// event and line: listening, message, listen_failed, reconnecting,
    /// reconnected, error.
    Pubsub {
        /// `<listen_method> <ARGS_JSON>` pairs, e.g.
        /// listen_channel_points '{"channel_id":"141981764"}'. Methods:
        /// listen_whispers(user_id), listen_bits_v1(channel_id),
        /// listen_bits(channel_id), listen_bits_badge_notification(channel_id),
        /// listen_channel_points(channel_id), listen_channel_subscriptions(channel_id),
        /// listen_chat_moderator_actions(user_id, channel_id).
        #[arg(required = true, num_args = 1..)]
        listens: Vec<String>,
        /// PubSub websocket URL.
        #[arg(long, env = "TWITCH_PUBSUB_URL", default_value = twitchapi::PUBSUB_URL)]
        pubsub_url: String,
        /// Seconds between PINGs.
        #[arg(long, default_value_t = 120.0)]
        ping_frequency: f64,
        /// Seconds a PING may come earlier or later.
        #[arg(long, default_value_t = 4.0)]
        ping_jitter: f64,
        /// Seconds to wait for a LISTEN to be confirmed.
        #[arg(long, default_value_t = 30.0)]
        listen_confirm_timeout: f64,
    },
    /// Subscribe to (legacy) webhook topics and serve the callback until
    /// SIGINT/SIGTERM, then unsubscribe everything; prints one JSON object per
    /// event and line: subscribed, denied, notification, rejected, renewed,
    /// unsubscribed, expired, error.
    Webhook {
        /// `<subscribe_method> <ARGS_JSON>` pairs, e.g.
        /// subscribe_stream_changed '{"user_id":"141981764"}'. Methods:
        /// subscribe_user_follow(from_id?, to_id?), subscribe_stream_changed(user_id),
        /// subscribe_user_changed(user_id), subscribe_extension_transaction_created(extension_id),
        /// subscribe_moderator_change_events(broadcaster_id, user_id?),
        /// subscribe_channel_ban_change_events(broadcaster_id, user_id?),
        /// subscribe_subscription_events(broadcaster_id, user_id?, gifter_id?, gifter_name?),
        /// subscribe_hype_train_events(broadcaster_id).
        #[arg(required = true, num_args = 1..)]
        subscribes: Vec<String>,
        /// The public URL of the callback (a path prefix is allowed; each
        /// topic's path is appended). https, or http on 127.0.0.1/localhost.
        #[arg(long)]
        callback_url: String,
        /// The port the callback server listens on.
        #[arg(long)]
        port: u16,
        /// The address the callback server listens on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The secret notifications are signed with (random when not given).
        #[arg(long, env = "TWITCH_WEBHOOK_SECRET", hide_env_values = true)]
        secret: Option<String>,
        /// The lease asked for, in seconds (300..=864000).
        #[arg(long, default_value_t = 600)]
        lease_seconds: u32,
        /// Serve HTTPS with this PEM certificate chain (with --tls-key).
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<String>,
        /// The PEM private key of --tls-cert.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<String>,
    },
    /// Listen to EventSub over the WebSocket or webhook transport until
    /// SIGINT/SIGTERM, then delete the subscriptions created; prints one JSON
    /// object per message and line: welcome, subscribed, subscribe_failed,
    /// notification, reconnecting, reconnected, revoked, rejected, error.
    Eventsub {
        /// Which transport.
        #[command(subcommand)]
        command: EventsubCommand,
    },
    /// Events of the mock Twitch.
    Event {
        /// What to do.
        #[command(subcommand)]
        command: EventCommand,
    },
    /// OAuth from a shell: get, refresh, validate or revoke user tokens.
    Auth {
        /// Which flow.
        #[command(subcommand)]
        command: AuthCommand,
    },
    /// Run the mock Twitch server on 127.0.0.1 until Ctrl-C.
    Mock {
        /// Port (0: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

/// `twitchapi eventsub` subcommands.
#[derive(Debug, Subcommand)]
pub enum EventsubCommand {
    /// The WebSocket transport (subscriptions with the user token).
    Ws {
        /// `<type> <version> <CONDITION_JSON>` triples, e.g.
        /// stream.online 1 '{"broadcaster_user_id":"141981764"}'.
        #[arg(required = true, num_args = 1..)]
        subscriptions: Vec<String>,
        /// The EventSub WebSocket URL.
        #[arg(long, env = "TWITCH_EVENTSUB_WS_URL", default_value = twitchapi::core::eventsub::ws::EVENTSUB_WS_URL)]
        eventsub_ws_url: String,
        /// keepalive_timeout_seconds asked for (10..=600).
        #[arg(long, default_value_t = 10)]
        keepalive: u64,
    },
    /// The webhook transport (subscriptions with the app token; the callback
    /// server answers Twitch's challenges and checks every signature).
    Webhook {
        /// `<type> <version> <CONDITION_JSON>` triples.
        #[arg(required = true, num_args = 1..)]
        subscriptions: Vec<String>,
        /// The public URL Twitch posts to: https, or http on 127.0.0.1/localhost.
        #[arg(long)]
        callback_url: String,
        /// The port the callback server listens on.
        #[arg(long)]
        port: u16,
        /// The address the callback server listens on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The signing secret, 10 to 100 ASCII characters (random when not given).
        #[arg(long, env = "TWITCH_EVENTSUB_SECRET", hide_env_values = true)]
        secret: Option<String>,
        /// Serve HTTPS with this PEM certificate chain (with --tls-key).
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<String>,
        /// The PEM private key of --tls-cert.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<String>,
    },
}

/// `twitchapi event` subcommands.
#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Asks a running `twitchapi mock` to send the documented event of a type
    /// to every matching subscription; prints {"type","version","count"}.
    Trigger {
        /// The EventSub type, e.g. channel.follow.
        #[arg(value_name = "TYPE")]
        kind: String,
        /// Its version (default: the newest known).
        #[arg(long)]
        version: Option<String>,
        /// The mock's base URL, as `twitchapi mock` prints it.
        #[arg(long, env = "TWITCH_MOCK_URL")]
        mock_url: Option<String>,
    },
}

/// `twitchapi auth` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// The authorization code flow: prints the authorize URL on stderr, opens
    /// the browser, serves the redirect on http://localhost:<port>, exchanges
    /// the code and prints the tokens as one JSON object (access and refresh
    /// token, scopes, lifetime).
    User {
        /// The scopes to ask for, space-separated.
        #[arg(long, default_value = "")]
        scopes: String,
        /// Make Twitch ask the user again even when the app is authorized.
        #[arg(long)]
        force_verify: bool,
        /// Do not open a browser; only print the URL.
        #[arg(long)]
        no_browser: bool,
        /// The port of the redirect server (the redirect URI is http://localhost:<port>).
        #[arg(long, default_value_t = 17563)]
        port: u16,
        /// The address the redirect server listens on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
    },
    /// The device code flow: prints the verification URI and code on stderr,
    /// polls, prints the same JSON as `auth user`.
    Device {
        /// The scopes to ask for, space-separated.
        #[arg(long, default_value = "")]
        scopes: String,
    },
    /// Refreshes --refresh-token; prints the new access and refresh token as JSON.
    Refresh,
    /// Validates a token; prints Twitch's answer (client_id, login, user_id, scopes, expires_in).
    Validate {
        /// The token.
        #[arg(long)]
        token: String,
    },
    /// Revokes a token; prints {"revoked":true}.
    Revoke {
        /// The token.
        #[arg(long)]
        token: String,
    },
}
