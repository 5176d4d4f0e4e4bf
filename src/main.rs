//! The `osc` command: parses arguments, loads the configuration, sets up logging and
//! hands over to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use osc::control::client::Answered;
use osc::control::{Reply, Request};
use osc::store::Storage;
use osc::{Config, Instance};
use tracing_subscriber::EnvFilter;

/// jemalloc, not glibc's allocator: pages decode and render many short strings on the
/// blocking pool's threads and hyper frees them on the runtime's (see Cargo.toml). Its
/// settings are built in (`.cargo/config.toml`); `_RJEM_MALLOC_CONF` overrides them.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Online Service Center: a self-hosted service portal for solar installers, plant
/// operators and wholesalers.
#[derive(Debug, Parser)]
#[command(name = "osc", version, about)]
struct Cli {
    /// Configuration file (TOML); every key is optional. OSC_<SECTION>_<KEY> variables
    /// override it.
    #[arg(long, global = true, value_name = "FILE", env = "OSC_CONFIG")]
    config: Option<PathBuf>,

    /// Log format.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the portal until Ctrl-C or SIGTERM.
    Serve,
    /// Rebuilds the search index from the database (through the running server, or on
    /// the files when none runs).
    Reindex,
    /// Shows the version, whether the server runs, the data directory, how much the store
    /// holds, the index lag and the mail queue.
    Status,
    /// Writes a consistent backup of the database while the portal serves (through the
    /// running server, or on the files when none runs), with a manifest beside it.
    Backup {
        /// The new backup file (default: <data_dir>/backups/osc-<UTC time>.redb).
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// Puts a backup in place with the server stopped, once it is checked (manifest,
    /// size, checksum, schema version, rows); the current database is kept beside it.
    Restore {
        /// A backup written by `osc backup` (its manifest beside it).
        file: PathBuf,
    },
    /// Reads every table, compares the derived tables with their records and the search
    /// index with the store; exits non-zero when something is wrong.
    Check {
        /// Rebuilds what is wrong among the derived parts (never a record).
        #[arg(long)]
        repair: bool,
    },
    /// Manages the service team's accounts (through the running server, or on the files
    /// when none runs).
    Staff {
        #[command(subcommand)]
        action: StaffAction,
    },
    /// Fills the data directory with realistic demo data for demos and benchmarks (with
    /// the server stopped): companies, people, plants, devices and tickets.
    Seed {
        /// How many tickets to create (1,000,000 is fine on a 2-core machine).
        #[arg(long, default_value_t = 1_000)]
        tickets: u64,
        /// Seed of the random generator: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum StaffAction {
    /// Creates a staff account; the password is read from standard input, or asked for
    /// (twice, without echo) on a terminal.
    Add {
        #[arg(long)]
        email: String,
        /// Full name, e.g. "Sam Service".
        #[arg(long)]
        name: String,
    },
    /// Lists the staff accounts.
    List,
    /// Removes a staff account: its sessions end, it can no longer log in.
    Remove {
        #[arg(long)]
        email: String,
    },
    /// Resets an account's two-step log-in (a staff member's own can only be reset
    /// here): it logs in with the password alone again (a staff member then sets it up
    /// anew while it is required), every session ends, the owner is e-mailed.
    #[command(name = "reset-2fa")]
    Reset2fa {
        #[arg(long)]
        email: String,
    },
}

fn init_tracing(format: LogFormat) {
    let filter = EnvFilter::try_from_env("OSC_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tantivy=warn,redb=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.log_format);
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("osc: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("osc: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        Command::Serve => runtime.block_on(serve(config)),
        Command::Reindex => control(&runtime, &config, Request::Reindex),
        Command::Status => control(&runtime, &config, Request::Status),
        Command::Backup { to } => {
            absolute(to).and_then(|to| control(&runtime, &config, Request::Backup { to }))
        }
        Command::Restore { file } => restore(&config, &file),
        Command::Check { repair } => control(&runtime, &config, Request::Check { repair }),
        Command::Seed { tickets, seed } => seed_data(&config, tickets, seed),
        Command::Staff { action } => {
            staff_request(action).and_then(|request| control(&runtime, &config, request))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("osc: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(mut config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let bind = config.server.bind;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| format!("cannot listen on {bind} (server.bind): {e}"))?;
    let local = listener.local_addr()?;
    if config.server.public_url.is_empty() {
        config.server.public_url = format!("http://{local}");
    }
    let url = config.public_url();
    let data_dir = config.storage.data_dir.clone();
    let instance = Instance::start(config).await?;
    let shutdown = osc::shutdown_signal();
    tracing::info!(address = %local, data_dir = %data_dir.display(), "Online Service Center listening on {url}");
    instance.serve(listener, shutdown).await?;
    Ok(())
}

/// A path given on the command line, made absolute (a running server has another
/// working directory).
fn absolute(path: Option<PathBuf>) -> Result<Option<PathBuf>, Box<dyn std::error::Error>> {
    Ok(match path {
        Some(p) => Some(std::path::absolute(&p)?),
        None => None,
    })
}

/// `osc restore FILE`: only with the server stopped.
fn restore(config: &Config, file: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let dir = &config.storage.data_dir;
    if let Ok(Answered::ByServer(_)) = osc::control::client::send(dir, &Request::Status) {
        return Err(format!(
            "a server is running on {}: stop it first (a restore replaces the database under it); nothing was changed",
            dir.display()
        )
        .into());
    }
    let done = osc::store::backup::restore(dir, file, osc::clock::now_secs()).map_err(|why| {
        format!(
            "{} is not restored: {why}; nothing was changed",
            file.display()
        )
    })?;
    osc::search::SearchIndex::discard(dir)?;
    let m = &done.manifest;
    println!(
        "{} checked: taken {} by osc {}, schema {}, {} tickets, {} people",
        file.display(),
        osc::views::format::date_time(m.taken_at),
        m.version,
        m.schema,
        m.tickets(),
        m.people(),
    );
    if let Some(kept) = &done.kept {
        println!(
            "the database that was in place is kept as {}",
            kept.display()
        );
    }
    println!(
        "restored into {}; the search index is rebuilt when the server starts",
        dir.join(osc::store::DB_FILE).display()
    );
    Ok(())
}

/// Opens the configured store for a command that runs without the server.
fn open_store(config: &Config) -> Result<Box<dyn Storage>, Box<dyn std::error::Error>> {
    let dir = &config.storage.data_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    Ok(Box::new(osc::open_store(&config.storage)?))
}

fn seed_data(config: &Config, tickets: u64, seed: u64) -> Result<(), Box<dyn std::error::Error>> {
    let store = open_store(config)?;
    let started = std::time::Instant::now();
    let password_hash = osc::secrets::password::hash_blocking(osc::seed::DEMO_PASSWORD)?;
    let answer_hash = osc::secrets::password::hash_blocking("Bello")?;
    let now = osc::clock::now_secs();
    let plan = osc::seed::Plan { tickets, seed, now };
    let done = osc::seed::run(&*store, plan, &password_hash, &answer_hash, |d| {
        tracing::info!(
            companies = d.companies,
            plants = d.plants,
            devices = d.devices,
            tickets = d.tickets,
            "seeding"
        );
    })?;
    let written = started.elapsed();
    let (index, _) = osc::search::SearchIndex::open(&config.storage.data_dir)?;
    let indexed = osc::search::docs::rebuild(&*store, &index)?;
    println!(
        "seeded {} companies, {} people, {} plants, {} devices and {} tickets in {:.1} s; \
         search index rebuilt ({indexed} tickets) in {:.1} s",
        done.companies,
        done.users,
        done.plants,
        done.devices,
        done.tickets,
        written.as_secs_f64(),
        (started.elapsed() - written).as_secs_f64(),
    );
    println!(
        "log in as {} with the password {} (every seeded account has it)",
        done.demo_admin,
        osc::seed::DEMO_PASSWORD
    );
    // A demo instance has a service team, so its requests can be read.
    if !store.users().has_active_staff()? {
        let new = osc::service::staff::NewStaff::parse(
            DEMO_STAFF,
            "Demo Service",
            osc::seed::DEMO_PASSWORD,
            osc::seed::DEMO_PASSWORD,
        )
        .map_err(|why| format!("the demo staff account: {why:?}"))?;
        if osc::service::staff::add(&*store, &new, password_hash, now)?.is_ok() {
            println!(
                "the service desk: log in as {DEMO_STAFF} with the same password (it sets up \
                 two-step log-in first while security.staff_two_factor is \"required\")"
            );
        }
    }
    Ok(())
}

/// The service-team account `osc seed` adds to an instance that has none.
const DEMO_STAFF: &str = "service@osc-demo.example";

fn read_password(email: &str) -> Result<(String, String), Box<dyn std::error::Error>> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let password = rpassword::prompt_password(format!("Password for {email}: "))?;
        let confirm = rpassword::prompt_password("The same password again: ")?;
        Ok((password, confirm))
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        Ok((password.clone(), password))
    }
}

/// The request a `osc staff …` command makes: an account's address and name are checked
/// before its password is asked for.
fn staff_request(action: StaffAction) -> Result<Request, Box<dyn std::error::Error>> {
    use osc::service::staff::NewStaff;
    Ok(match action {
        StaffAction::Add { email, name } => {
            if NewStaff::identity(&email, &name).is_err() {
                // The full check (on the server or here) words the reason.
                return Ok(Request::StaffAdd {
                    email,
                    name,
                    password: String::new(),
                    confirm: String::new(),
                });
            }
            let (password, confirm) = read_password(email.trim())?;
            Request::StaffAdd {
                email,
                name,
                password,
                confirm,
            }
        }
        StaffAction::List => Request::StaffList,
        StaffAction::Remove { email } => Request::StaffRemove { email },
        StaffAction::Reset2fa { email } => Request::StaffReset2fa { email },
    })
}

/// Runs `request` through the server running on the data directory, or, when none runs,
/// on the files: the same command either way (`osc::control::commands`).
fn control(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
    request: Request,
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = &config.storage.data_dir;
    let reply = match osc::control::client::send(dir, &request) {
        Ok(Answered::ByServer(reply)) => reply,
        Ok(Answered::NoServer) => {
            let store: std::sync::Arc<dyn Storage> = std::sync::Arc::from(open_store(config)?);
            let (search, _) = osc::search::SearchIndex::open(dir)?;
            let target = osc::control::commands::Target {
                core: std::sync::Arc::new(osc::service::Core::new(
                    std::sync::Arc::new(config.clone()),
                    store,
                    std::sync::Arc::new(osc::i18n::Translator::load()?),
                )),
                search: std::sync::Arc::new(search),
                running: None,
            };
            runtime.block_on(osc::control::commands::run(&target, request))
        }
        Err(e) => {
            return Err(format!(
                "cannot reach the server through {}: {e}",
                dir.join(osc::control::SOCKET).display()
            )
            .into());
        }
    };
    match reply {
        Reply::Done(text) => {
            print!("{text}");
            Ok(())
        }
        Reply::Failed(why) => Err(why.into()),
    }
}
