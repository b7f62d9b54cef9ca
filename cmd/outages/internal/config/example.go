package config

// Example is a commented configuration file to start from: every global
// setting with its default, and one source of each kind.
const Example = `# outages configuration (TOML: https://toml.io).
# Every setting has a default: delete what you do not need.
# Check a file with: outages config check FILE

# Data directory: article store, crawl state and search index.
# The --data flag and $OUTAGES_DATA override it when this line is absent.
data = "outages-data"

# Sent with every request. Sites must be able to reach you: put a URL or an
# e-mail address in it (or give one with --contact / $OUTAGES_CONTACT).
user_agent = "outages-bot/1.0 (+https://example.org/bot)"

# Politeness and limits.
concurrency = 8             # requests in flight over all hosts
per_host_concurrency = 1    # requests in flight to one host
delay = "1s"                # pause between two requests to one host
timeout = "60s"             # to read one whole response
connect_timeout = "10s"
header_timeout = "20s"
max_body = "10MB"           # bytes read from one response at most
max_redirects = 10
max_retries = 3             # 0: never retry
retry_delay = "1s"          # first back-off; doubles on each retry
allow_private = false       # allow loopback and private addresses

# Classification rules replacing the built-in ones ("" = built-in).
rules_dir = ""

# Each successful run leaves a backup of the store here, keeping the newest
# backup_keep ("" = no backups).
backup = ""
backup_keep = 7

# One [[source]] table per site. name is stored with every article.

[[source]]
name = "technews"
url = "https://news.example.org/technology/rss.xml"
kind = "feed"                  # page, feed, sitemap, file, jsonl; omit to detect
# Regular expressions (Go syntax) on discovered URLs; 'single quotes' keep
# backslashes as written.
allow = ['^https://news\.example\.org/technology/']
deny = ['/video/', '[?&]page=']
max_depth = 1                  # links followed from url; 0: url only
max_pages = 200                # 0: 1000 for the web, no limit for local folders
delay = "2s"                   # this source's own pause between requests
# CSS selectors, when the generic extractor gets a site wrong:
# title_selector = "h1.article-title"
# body_selector = "article .article-body p"
# date_selector = "time[datetime]"

[[source]]
name = "daily"
url = "https://daily.example.net/sitemap-news.xml"
kind = "sitemap"

[[source]]
name = "archive"
url = "/srv/outages/saved-pages"   # a folder: every .html/.htm file under it
kind = "file"
`
