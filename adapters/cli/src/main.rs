//! `twitchapi`: the command-line face of the library.
//!
//! ```text
//! twitchapi [GLOBAL OPTIONS] call <method> [ARGS_JSON] [--dry-run]
//! twitchapi [GLOBAL OPTIONS] pubsub <listen_method> <ARGS_JSON> [...] [--pubsub-url URL]
//! twitchapi [GLOBAL OPTIONS] webhook <subscribe_method> <ARGS_JSON> [...] --callback-url URL --port N
//! twitchapi [GLOBAL OPTIONS] eventsub ws <type> <version> <CONDITION_JSON> [...] [--eventsub-ws-url URL] [--keepalive S]
//! twitchapi [GLOBAL OPTIONS] eventsub webhook <type> <version> <CONDITION_JSON> [...] --callback-url URL --port N
//! twitchapi event trigger <type> [--version V] [--mock-url URL]
//! twitchapi [GLOBAL OPTIONS] auth user|device|refresh|validate|revoke [...]
//! twitchapi [GLOBAL OPTIONS] mock [--port N]
//! ```
//!
//! Exit codes: 0 success; 2 invalid argument (nothing sent); 3 authentication
//! (Unauthorized, MissingScope, Authorization, InvalidRefreshToken); 4 any other
//! API error (400, 403, 404, 409, 422, 429 after retries, 5xx after the retry);
//! 1 anything else (transport, malformed answers).

mod args;
mod auth;
mod dispatch;
mod eventsub;
mod help;
mod pubsub;
mod setup;
mod webhook;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use twitchapi::Error;

use args::{Cli, Command, EventCommand, EventsubCommand};

/// The exit code of an error.
fn exit_code(error: &Error) -> u8 {
    match error {
        Error::InvalidArgument(_) => 2,
        e if e.is_auth() => 3,
        Error::Api { .. }
        | Error::NotFound(_)
        | Error::Backend { .. }
        | Error::RateLimited { .. } => 4,
        _ => 1,
    }
}

async fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Call {
            method,
            args_json,
            dry_run,
        } => {
            // Arguments are checked before anything starts or is sent.
            let args = match args_json.as_deref().map(str::trim) {
                None | Some("") => serde_json::Value::Null,
                Some(text) => serde_json::from_str(text).map_err(|e| {
                    Error::InvalidArgument(format!("ARGS_JSON is not valid JSON: {e}"))
                })?,
            };
            if !help::method_names().contains(&method.as_str()) {
                return Err(Error::InvalidArgument(format!(
                    "unknown method {method:?}; `twitchapi call --help` lists them"
                )));
            }
            let session = setup::session(&cli.global).await?;
            let value = dispatch::call(&session.twitch, &method, args, dry_run).await?;
            let text =
                serde_json::to_string_pretty(&value).map_err(|e| Error::Protocol(e.to_string()))?;
            println!("{text}");
            Ok(())
        }
        Command::Pubsub {
            listens,
            pubsub_url,
            ping_frequency,
            ping_jitter,
            listen_confirm_timeout,
        } => {
            let topics = pubsub::parse_topics(&listens)?;
            let seconds = |name: &str, value: f64| {
                std::time::Duration::try_from_secs_f64(value).map_err(|_| {
                    Error::InvalidArgument(format!(
                        "--{name} must be a number of seconds, got {value}"
                    ))
                })
            };
            let mut config = twitchapi::core::pubsub::PubSubConfig::default();
            config.ping_frequency = seconds("ping-frequency", ping_frequency)?;
            config.ping_jitter = seconds("ping-jitter", ping_jitter)?;
            config.listen_confirm_timeout =
                seconds("listen-confirm-timeout", listen_confirm_timeout)?;
            let session = setup::session(&cli.global).await?;
            let url = match &session._mock {
                Some(mock) => mock.pubsub_url(),
                None => pubsub_url,
            };
            pubsub::run(&session.twitch, &url, config, topics).await
        }
        Command::Webhook {
            subscribes,
            callback_url,
            port,
            host,
            secret,
            lease_seconds,
            tls_cert,
            tls_key,
        } => {
            let topics = webhook::parse_topics(&subscribes)?;
            if !twitchapi::core::webhook::LEASE_RANGE.contains(&lease_seconds) {
                return Err(Error::invalid(format!(
                    "--lease-seconds must be in 300..=864000, got {lease_seconds}"
                )));
            }
            twitchapi::core::webhook::require_https_callback(&callback_url)?;
            let options = webhook::Options {
                callback_url,
                host,
                port,
                secret,
                lease_seconds,
                tls: tls_cert.zip(tls_key),
            };
            let session = setup::session(&cli.global).await?;
            webhook::run(&session.twitch, options, topics).await
        }
        Command::Eventsub {
            command:
                EventsubCommand::Ws {
                    subscriptions,
                    eventsub_ws_url,
                    keepalive,
                },
        } => {
            let wanted = eventsub::parse_wanted(&subscriptions)?;
            if !(10..=600).contains(&keepalive) {
                return Err(Error::invalid(format!(
                    "--keepalive must be in 10..=600 seconds, got {keepalive}"
                )));
            }
            let session = setup::session(&cli.global).await?;
            let url = match &session._mock {
                Some(mock) => mock.eventsub_ws_url(),
                None => eventsub_ws_url,
            };
            eventsub::run_ws(&session.twitch, url, keepalive, wanted).await
        }
        Command::Eventsub {
            command:
                EventsubCommand::Webhook {
                    subscriptions,
                    callback_url,
                    port,
                    host,
                    secret,
                    tls_cert,
                    tls_key,
                },
        } => {
            let wanted = eventsub::parse_wanted(&subscriptions)?;
            if let Some(secret) = &secret {
                twitchapi::core::eventsub::webhook::check_secret(&twitchapi::Secret::new(
                    secret.clone(),
                ))?;
            }
            twitchapi::core::webhook::require_https_callback(&callback_url)?;
            let options = eventsub::WebhookOptions {
                callback_url,
                host,
                port,
                secret,
                tls: tls_cert.zip(tls_key),
            };
            let session = setup::session(&cli.global).await?;
            eventsub::run_webhook(&session.twitch, options, wanted).await
        }
        Command::Event {
            command:
                EventCommand::Trigger {
                    kind,
                    version,
                    mock_url,
                },
        } => {
            let mock_url = mock_url.ok_or_else(|| {
                Error::invalid(
                    "--mock-url (or TWITCH_MOCK_URL) is required: the URL `twitchapi mock` prints",
                )
            })?;
            let value = eventsub::trigger(&mock_url, &kind, version).await?;
            crate::pubsub::print(value);
            Ok(())
        }
        Command::Auth { command } => {
            let session = setup::session(&cli.global).await?;
            let value =
                auth::run(&session.twitch, command, cli.global.refresh_token.clone()).await?;
            println!("{value}");
            Ok(())
        }
        Command::Mock { port } => run_mock(port).await,
    }
}

async fn run_mock(port: u16) -> Result<(), Error> {
    let config = twitchapi_mock::MockConfig {
        port,
        ..Default::default()
    };
    let mock = twitchapi_mock::MockServer::start_with(config)
        .await
        .map_err(|e| Error::Transport(format!("cannot start the mock: {e}")))?;
    println!("twitchapi mock listening on {}", mock.url());
    println!("helix: {}  auth: {}", mock.helix_url(), mock.auth_url());
    println!(
        "client_id={} client_secret={}",
        mock.client_id(),
        mock.client_secret()
    );
    println!(
        "pubsub: {}  eventsub: {}",
        mock.pubsub_url(),
        mock.eventsub_ws_url()
    );
    tokio::signal::ctrl_c()
        .await
        .map_err(|e| Error::Transport(format!("cannot wait for Ctrl-C: {e}")))?;
    mock.shutdown().await;
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("off")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            ExitCode::from(exit_code(&error))
        }
    }
}
