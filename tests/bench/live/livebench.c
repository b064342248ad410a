/*
 * livebench: the live game under load (issue #12). One process holds N bot
 * connections in one poll() loop against a real `termquiz --host`, speaking
 * LIVE.md's wire, and measures on CLOCK_MONOTONIC (the host's clock too, as
 * its trace says: TERMQUIZ_LIVE_TRACE):
 *   join burst: success and time to welcome; fan-out spread of each question
 *   and result (first to last arrival); deadline skew per player (arrival +
 *   left_ms - (t0 + T)); ack latency when everyone answers within ~10 ms;
 *   the host's longest loop iteration, CPU during questions, RSS and fds;
 *   every score against a recomputation from the trace.
 * With --chaos some bots misbehave: 10% never read, 5% drop and resume
 * mid-question, 5 slowloris connections, garbage and 1 MB lines, 6 wrong
 * PINs from one address. Prints one table; a measurement, not a test.
 *
 * With --games G the host plays G games in a row with the same bots (the
 * bench presses Enter on each podium), and its CPU, RSS and fds per game
 * show whether anything grows from one game to the next.
 *
 *   livebench ./termquiz [--bots N] [--chaos] [--questions Q] [--games G]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/score.h"

#define QMAX 32
#define LIMIT_S 3
#define BUF 8192

enum role { R_NORMAL, R_DEAF, R_DROPPER, R_SLOWLORIS, R_GARBAGE, R_BADPIN };

struct bot {
	int i;
	enum role role;
	int fd;
	char in[BUF];
	size_t inlen;
	bool skipping;           /* in a line too long to keep */
	int id;
	char token[40];
	int64_t t_connect, t_welcome;
	bool welcomed, done, resumed;
	int64_t q_at[QMAX];      /* question arrival */
	int left_ms[QMAX];
	int64_t ans_sent[QMAX], ack_at[QMAX], res_at[QMAX];
	int choice[QMAX];        /* -1: no answer sent */
	int64_t due;             /* when to answer the open question */
	int open_q;              /* its number in its game (1-based) */
	int open_s;              /* its slot: game * nq + open_q - 1 */
	int game;                /* podiums seen: the game it is in, 0-based */
	int final_score[QMAX];   /* per game, from its podium */
	int64_t stamp;           /* when the last bytes were taken */
	int64_t slow_next;       /* slowloris: next byte */
	int slow_sent;
};

static struct bot *bots;
static int nbots = 200, nq = 5, ngames = 1, nslot = 5;
static bool chaos;
static int port;
static char pin[16];
static pid_t host_pid;
static char dir[256];
static int64_t first_q_at[QMAX], last_q_at[QMAX], first_res[QMAX],
    last_res[QMAX];
static int got_q[QMAX];
static long long cpu_at_open[QMAX], cpu_at_close[QMAX];
static int64_t wall_open[QMAX], wall_close[QMAX];
static long rss_kb[QMAX], nfds[QMAX];
/* Per game, at its podium (as the first well-behaved bot sees it). */
static long long game_cpu_end[QMAX];
static int64_t game_wall_end[QMAX];
static long game_rss[QMAX], game_fds[QMAX];
static int wrong_pin_refusals, wait_refusals, dropped_deaf;

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double *v, int n, double p)
{
	if (n == 0)
		return NAN;
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return v[(int)fmin(n - 1, floor(p * (n - 1) + 0.5))];
}

/* The host's CPU time in microseconds: /proc/PID/schedstat's run time (ns),
 * else utime + stime in clock ticks. -1 when neither can be read. */
static long long
host_cpu_us(void)
{
	char path[64], buf[1024], *p;
	unsigned long long ut, st, ns;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)host_pid);
	f = fopen(path, "r");
	if (f != NULL) {
		int ok = fscanf(f, "%llu", &ns) == 1;

		fclose(f);
		if (ok)
			return (long long)(ns / 1000);
	}
	snprintf(path, sizeof path, "/proc/%d/stat", (int)host_pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fgets(buf, sizeof buf, f) == NULL) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u "
	    "%*u %*u %llu %llu", &ut, &st) != 2)
		return -1;
	return (long long)((ut + st) * 1000000 / (unsigned long long)
	    sysconf(_SC_CLK_TCK));
}

static long
host_rss_kb(void)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)host_pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static long
host_fds(void)
{
	char path[64];
	struct dirent *e;
	long n = 0;
	DIR *d;

	snprintf(path, sizeof path, "/proc/%d/fd", (int)host_pid);
	d = opendir(path);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* --- the host ------------------------------------------------------------ */

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static void
make_files(void)
{
	char path[300];
	FILE *f;
	int q;

	snprintf(dir, sizeof dir, "/tmp/livebench.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(path, sizeof path, "%s/pack.json", dir);
	f = fopen(path, "w");
	fprintf(f, "{\"title\": \"Bench\", \"time_limit\": %d, \"questions\": [",
	    LIMIT_S);
	for (q = 0; q < nq; q++)
		fprintf(f, "%s{\"type\": \"choice\", \"question\": \"Q%d: 2+%d?\","
		    " \"choices\": [\"%d\", \"%d\", \"%d\", \"%d\"], "
		    "\"answer\": \"%d\"}", q ? "," : "", q + 1, q, q + 1, q + 2,
		    q + 3, q + 4, q + 2);
	fputs("]}\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/config.json", dir);
	write_file(path, "{\"shuffle_questions\": false, \"shuffle_choices\": "
	    "false, \"questions_per_game\": 0, \"live\": {\"read_seconds\": 0.5,"
	    " \"reveal_seconds\": 0.5}}\n");
}

static int host_out = -1;
static int host_in = -1;         /* the host's stdin, for Enter, or -1 */

static void
start_host(const char *exe)
{
	char pack[300], cfg[300], res[300], tr[300], nb[16], maxp[16];
	int out[2], in[2] = { -1, -1 };
	int64_t end = now_us() + 10 * 1000000;
	char buf[4096];
	size_t len = 0;

	snprintf(pack, sizeof pack, "%s/pack.json", dir);
	snprintf(cfg, sizeof cfg, "%s/config.json", dir);
	snprintf(res, sizeof res, "%s/results.json", dir);
	snprintf(tr, sizeof tr, "%s/trace", dir);
	snprintf(nb, sizeof nb, "%d", nbots - (chaos ? 5 + 6 + 5 : 0));
	/* Under chaos the slowloris and wrong-PIN bots never join, and the
	 * garbage ones are thrown out: start once the others are in. */
	snprintf(maxp, sizeof maxp, "%d", nbots + 50);
	if (pipe(out) < 0 || (ngames > 1 && pipe(in) < 0))
		exit(1);
	host_pid = fork();
	if (host_pid == 0) {
		/* One game: no input, so the host ends at the podium. More: a
		 * pipe, to press Enter on each podium and close at the last. */
		int devnull = open("/dev/null", O_RDONLY);

		dup2(ngames > 1 ? in[0] : devnull, 0);
		if (ngames > 1) {
			close(in[0]);
			close(in[1]);
		}
		dup2(out[1], 1);
		dup2(out[1], 2);
		/* A session of its own, as a host in its own terminal has: with
		 * autogroup scheduling (Linux's default) a child in the bots'
		 * session shares their slice of the machine. */
		if (getenv("LIVEBENCH_SAME_SESSION") == NULL)
			setsid();
		close(out[0]);
		setenv("TERMQUIZ_LIVE_TRACE", tr, 1);
		execl(exe, exe, "--host", "--plain", "--config", cfg,
		    "--listen", "127.0.0.1:0", "--start-when", nb,
		    "--max-players", maxp, "--results", res, "--seed", "1",
		    pack, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	host_out = out[0];
	if (ngames > 1) {
		close(in[0]);
		host_in = in[1];
		fcntl(host_in, F_SETFD, FD_CLOEXEC);
	}
	/* The port and the PIN, from the host's first lines. */
	while (now_us() < end && (port == 0 || pin[0] == '\0')) {
		struct pollfd p = { host_out, POLLIN, 0 };
		char *s;
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		n = read(host_out, buf + len, sizeof buf - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if ((s = strstr(buf, "127.0.0.1:")) != NULL)
			port = atoi(s + 10);
		if ((s = strstr(buf, "PIN: ")) != NULL && strchr(s, '\n'))
			snprintf(pin, sizeof pin, "%.6s", s + 5);
	}
	fcntl(host_out, F_SETFL, O_NONBLOCK);
	if (port == 0 || pin[0] == '\0') {
		fprintf(stderr, "livebench: the host did not start\n");
		exit(1);
	}
}

static char *host_text;
static size_t host_len, host_cap;

/* Keep the host's stdout from filling its pipe; keep it for the end. */
static void
drain_host(void)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(host_out, buf, sizeof buf)) > 0) {
		if (host_len + (size_t)n + 1 > host_cap) {
			host_cap = (host_len + (size_t)n + 1) * 2;
			host_text = realloc(host_text, host_cap);
		}
		memcpy(host_text + host_len, buf, (size_t)n);
		host_len += (size_t)n;
		host_text[host_len] = '\0';
	}
}

/* The host's podium says Enter plays again: press it, or after the last
 * game close its input, which ends it. */
static void
press_enter(void)
{
	static const char prompt[] = "Press Enter to play again";
	static size_t from;
	static int seen;
	char *p;

	if (host_in < 0 || host_text == NULL)
		return;
	while ((p = strstr(host_text + from, prompt)) != NULL) {
		from = (size_t)(p - host_text) + sizeof prompt - 1;
		if (++seen < ngames) {
			if (write(host_in, "\n", 1) != 1)
				perror("livebench: Enter");
		} else {
			close(host_in);
			host_in = -1;
			return;
		}
	}
	/* A prompt cut by the end of what was read is found next time. */
	if (host_len > from + sizeof prompt)
		from = host_len - sizeof prompt;
}

/* How many bots of role r the host's lines say it dropped. */
static int
host_dropped(enum role r)
{
	char needle[40];
	int i, n = 0;

	for (i = 0; i < nbots && host_text != NULL; i++) {
		if (bots[i].role != r)
			continue;
		snprintf(needle, sizeof needle, "- bot%04d dropped", i);
		n += strstr(host_text, needle) != NULL;
	}
	return n;
}

/* --- bots ----------------------------------------------------------------- */

static void
send_line(struct bot *b, const char *line)
{
	size_t n = strlen(line);

	if (b->fd >= 0 && send(b->fd, line, n, MSG_NOSIGNAL) != (ssize_t)n &&
	    b->role == R_NORMAL)
		fprintf(stderr, "livebench: bot %d: short send\n", b->i);
}

static int
connect_bot(struct bot *b)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
	    .sin_port = htons((uint16_t)port) };
	int one = 1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	b->fd = socket(AF_INET, SOCK_STREAM, 0);
	if (b->fd < 0)
		return -1;
	setsockopt(b->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	b->t_connect = now_us();
	/* Blocking connect on loopback is immediate; then non-blocking. */
	if (connect(b->fd, (struct sockaddr *)&a, sizeof a) < 0) {
		close(b->fd);
		b->fd = -1;
		return -1;
	}
	fcntl(b->fd, F_SETFL, O_NONBLOCK);
	b->inlen = 0;
	return 0;
}

static void
hello(struct bot *b)
{
	char line[256];

	if (b->resumed)
		snprintf(line, sizeof line, "{\"t\":\"resume\",\"v\":1,"
		    "\"token\":\"%s\"}\n", b->token);
	else
		snprintf(line, sizeof line, "{\"t\":\"join\",\"v\":1,\"pin\":"
		    "\"%s\",\"nick\":\"bot%04d\"}\n", b->role == R_BADPIN ?
		    "000000" : pin, b->i);
	send_line(b, line);
}

static void
on_msg(struct bot *b, const char *line, int64_t at)
{
	cJSON *m = cJSON_Parse(line), *t;
	const char *ty;
	int q, sl;

	if (m == NULL)
		return;
	t = cJSON_GetObjectItemCaseSensitive(m, "t");
	ty = cJSON_IsString(t) ? t->valuestring : "";
	q = cJSON_GetObjectItemCaseSensitive(m, "q") ?
	    cJSON_GetObjectItemCaseSensitive(m, "q")->valueint : 0;
	if (q > nq || b->game >= ngames)
		q = 0;   /* not a question of a game the bench plays */
	sl = b->game * nq + q - 1;
	if (strcmp(ty, "welcome") == 0) {
		if (!b->welcomed)
			b->t_welcome = at;
		b->welcomed = true;
		b->id = cJSON_GetObjectItemCaseSensitive(m, "id")->valueint;
		snprintf(b->token, sizeof b->token, "%s",
		    cJSON_GetObjectItemCaseSensitive(m, "token")->valuestring);
	} else if (strcmp(ty, "question") == 0 && q >= 1 && q <= nq) {
		if (b->q_at[sl] == 0) {
			b->q_at[sl] = at;
			b->left_ms[sl] = cJSON_GetObjectItemCaseSensitive(m,
			    "left_ms")->valueint;
		}
		if (b->role != R_NORMAL) {
			/* Only well-behaved bots time the fan-out. */
		} else if (first_q_at[sl] == 0) {
			first_q_at[sl] = at;
			cpu_at_open[sl] = host_cpu_us();
			wall_open[sl] = at;
			rss_kb[sl] = host_rss_kb();
			nfds[sl] = host_fds();
		}
		if (b->role == R_NORMAL && at > last_q_at[sl])
			last_q_at[sl] = at;
		got_q[sl]++;
		b->open_q = q;
		b->open_s = sl;
		/* Everyone answers 300 ms after the first arrival, within
		 * ~8 ms of each other; one in ten never answers. */
		b->due = b->i % 10 == 9 || first_q_at[sl] == 0 ? 0 :
		    first_q_at[sl] + 300000 + (int64_t)b->i * 40;
		if (b->resumed && b->choice[sl] >= 0)
			b->due = 0;
	} else if (strcmp(ty, "ack") == 0 && q >= 1 && q <= nq) {
		if (b->ack_at[sl] == 0)
			b->ack_at[sl] = at;
	} else if (strcmp(ty, "result") == 0 && q >= 1 && q <= nq) {
		b->res_at[sl] = at;
		if (b->role != R_NORMAL) {
		} else if (first_res[sl] == 0) {
			first_res[sl] = at;
			cpu_at_close[sl] = host_cpu_us();
			wall_close[sl] = at;
		}
		if (b->role == R_NORMAL && at > last_res[sl])
			last_res[sl] = at;
	} else if (strcmp(ty, "podium") == 0 && b->game < ngames) {
		b->final_score[b->game] = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(m, "you"), "score")->valueint;
		if (b->role == R_NORMAL && game_wall_end[b->game] == 0) {
			game_wall_end[b->game] = at;
			game_cpu_end[b->game] = host_cpu_us();
			game_rss[b->game] = host_rss_kb();
			game_fds[b->game] = host_fds();
		}
		b->game++;
		b->open_q = 0;
	} else if (strcmp(ty, "ping") == 0) {
		char line2[64];

		snprintf(line2, sizeof line2, "{\"t\":\"pong\",\"n\":%d}\n",
		    cJSON_GetObjectItemCaseSensitive(m, "n")->valueint);
		send_line(b, line2);
	} else if (strcmp(ty, "error") == 0) {
		const char *code = cJSON_GetObjectItemCaseSensitive(m, "code")
		    ->valuestring;

		if (strcmp(code, "bad_pin") == 0)
			wrong_pin_refusals++;
		else if (strcmp(code, "wait") == 0)
			wait_refusals++;
	} else if (strcmp(ty, "bye") == 0) {
		b->done = true;
	}
	cJSON_Delete(m);
}

static void
bot_close(struct bot *b)
{
	if (b->fd >= 0)
		close(b->fd);
	b->fd = -1;
}

/* Pass one after poll: take the bytes and stamp them, every socket first,
 * so that parsing one bot's messages does not delay another's stamp. */
static void
bot_recv(struct bot *b)
{
	ssize_t n;

	b->stamp = now_us();
	n = recv(b->fd, b->in + b->inlen, sizeof b->in - 1 - b->inlen, 0);
	if (n <= 0) {
		if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
			if (b->role == R_DEAF)
				dropped_deaf++;
			bot_close(b);
			b->done = true;
		}
		return;
	}
	b->inlen += (size_t)n;
	b->in[b->inlen] = '\0';
}

/* Pass two: the messages, at the time their bytes were taken. */
static void
bot_parse(struct bot *b)
{
	char *nl;

	while ((nl = memchr(b->in, '\n', b->inlen)) != NULL) {
		*nl = '\0';
		on_msg(b, b->in, b->stamp);
		b->inlen -= (size_t)(nl + 1 - b->in);
		memmove(b->in, nl + 1, b->inlen);
	}
	if (b->inlen >= sizeof b->in - 1)
		b->inlen = 0;
}

static void
bot_answer(struct bot *b, int64_t now)
{
	char line[96];
	int q = b->open_q, sl = b->open_s;

	if (b->due == 0 || now < b->due || q < 1)
		return;
	b->due = 0;
	/* Bots 0..3 of each 10 answer right, the others a wrong choice. */
	b->choice[sl] = b->i % 10 < 4 ? 1 : (b->i % 10 < 7 ? 0 : 2);
	snprintf(line, sizeof line, "{\"t\":\"answer\",\"q\":%d,\"a\":%d}\n", q,
	    b->choice[sl]);
	b->ans_sent[sl] = now_us();
	send_line(b, line);
}

/* Chaos: the slowloris trickle, the garbage and the droppers. */
static void
bot_chaos(struct bot *b, int64_t now)
{
	static char *mega;

	if (b->role == R_SLOWLORIS && b->fd >= 0 && now >= b->slow_next) {
		send_line(b, "{");
		b->slow_next = now + 1000000;
	}
	if (b->role == R_GARBAGE && b->fd >= 0 && b->welcomed &&
	    b->slow_sent == 0) {
		if (mega == NULL) {
			mega = malloc(1 << 20);
			memset(mega, 'x', 1 << 20);
			mega[(1 << 20) - 1] = '\n';
		}
		send_line(b, "not json at all\n{\"t\":\"dance\"}\n"
		    "{\"t\":\"answer\",\"q\":1,\"a\":77}\n\xff\xfe\n");
		if (b->i % 2 == 0)
			send(b->fd, mega, 1 << 20, MSG_NOSIGNAL);
		b->slow_sent = 1;
	}
	if (b->role == R_DROPPER && b->fd >= 0 && b->open_q >= 2 &&
	    !b->resumed && b->q_at[b->open_s] != 0 &&
	    now >= b->q_at[b->open_s] + 100000) {
		/* Drop 100 ms into question 2 and come straight back. */
		bot_close(b);
		b->resumed = true;
		if (connect_bot(b) == 0)
			hello(b);
	}
}

static enum role
role_of(int i)
{
	if (!chaos)
		return R_NORMAL;
	if (i >= nbots - 5)
		return R_SLOWLORIS;
	if (i >= nbots - 11)
		return R_BADPIN;
	if (i >= nbots - 16)
		return R_GARBAGE;
	if (i % 10 == 3)
		return R_DEAF;
	if (i % 20 == 6)
		return R_DROPPER;
	return R_NORMAL;
}

static void
run_bots(void)
{
	struct pollfd *p = calloc((size_t)nbots, sizeof *p);
	int64_t end = now_us() + (int64_t)ngames * 120 * 1000000;
	int i, alive;

	for (i = 0; i < nbots; i++) {
		struct bot *b = &bots[i];

		b->i = i;
		b->role = role_of(i);
		b->id = -1;
		memset(b->choice, 0xff, sizeof b->choice);
		if (connect_bot(b) < 0)
			continue;
		if (b->role == R_DEAF) {
			int small = 4096;

			setsockopt(b->fd, SOL_SOCKET, SO_RCVBUF, &small,
			    sizeof small);
		}
		if (b->role != R_SLOWLORIS)
			hello(b);
	}
	do {
		int64_t now = now_us(), wait = 50000;   /* us */
		struct timespec ts;

		alive = 0;
		for (i = 0; i < nbots; i++) {
			struct bot *b = &bots[i];

			bot_answer(b, now);
			bot_chaos(b, now);
			p[i].fd = b->done ? -1 : b->fd;
			/* The deaf never read once they are in. */
			p[i].events = b->role == R_DEAF && b->welcomed ? 0 :
			    POLLIN;
			p[i].revents = 0;
			alive += p[i].fd >= 0 && b->role != R_SLOWLORIS &&
			    b->role != R_DEAF;
			if (b->due > now && b->due - now < wait)
				wait = b->due - now;
		}
		/* To the microsecond: a millisecond poll would spin through
		 * the last one before each answer, taking a core. */
		ts.tv_sec = 0;
		ts.tv_nsec = (long)wait * 1000;
		ppoll(p, (nfds_t)nbots, &ts, NULL);
		for (i = 0; i < nbots; i++)
			if (p[i].revents && bots[i].fd >= 0)
				bot_recv(&bots[i]);
		for (i = 0; i < nbots; i++)
			if (p[i].revents && bots[i].inlen > 0)
				bot_parse(&bots[i]);
		drain_host();
		press_enter();
	} while (alive > 0 && now_us() < end);
	free(p);
}

/* --- the reference: a bare server writing one line to every socket --- */

/* The worst first-to-last spread of 5 rounds of one line written to each
 * of n sockets by a child doing nothing else: the floor on this machine,
 * under its load of the moment, for the fan-out rows. */
static double
reference_spread(int n)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof a;
	int lfd = socket(AF_INET, SOCK_STREAM, 0), *fds, i, r, got;
	struct pollfd *p;
	double worst = 0;
	pid_t pid;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd,
	    4096) < 0 || getsockname(lfd, (struct sockaddr *)&a, &alen) < 0)
		return NAN;
	pid = fork();
	if (pid == 0) {
		int *c = calloc((size_t)n, sizeof *c), one = 1;

		for (i = 0; i < n; i++) {
			c[i] = accept(lfd, NULL, NULL);
			setsockopt(c[i], IPPROTO_TCP, TCP_NODELAY, &one,
			    sizeof one);
		}
		for (r = 0; r < 5; r++) {
			struct timespec ts = { 0, 200000000 };

			nanosleep(&ts, NULL);
			for (i = 0; i < n; i++)
				send(c[i], "{\"t\":\"ping\",\"n\":1}\n", 19,
				    MSG_NOSIGNAL);
		}
		_exit(0);
	}
	close(lfd);
	fds = calloc((size_t)n, sizeof *fds);
	p = calloc((size_t)n, sizeof *p);
	for (i = 0; i < n; i++) {
		int one = 1;

		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		connect(fds[i], (struct sockaddr *)&a, sizeof a);
		p[i].fd = fds[i];
		p[i].events = POLLIN;
	}
	for (r = 0; r < 5; r++) {
		int64_t first = 0, last = 0;

		for (got = 0; got < n;) {
			char buf[256];

			if (poll(p, (nfds_t)n, 3000) <= 0)
				break;
			for (i = 0; i < n; i++) {
				int64_t at = now_us();

				if (!(p[i].revents & POLLIN))
					continue;
				if (recv(fds[i], buf, sizeof buf, 0) <= 0) {
					p[i].fd = -1;
					continue;
				}
				if (first == 0)
					first = at;
				last = at;
				got++;
			}
		}
		worst = fmax(worst, (double)(last - first) / 1000);
	}
	for (i = 0; i < n; i++)
		close(fds[i]);
	free(fds);
	free(p);
	waitpid(pid, NULL, 0);
	return worst;
}

/* --- the trace and the figures ----------------------------------------------- */

struct tr {
	int64_t t0, ans, ack;
	bool ok;
};

static struct tr (*trace)[QMAX];
static int64_t longest_us = -1, longest_cpu_us = -1, slowest = -1;
static int slowest_phase = -1;
static double ref_spread = NAN;

static void
read_trace(void)
{
	char path[300], what[16];
	int q, id, g = 0, sl;
	long long t;
	FILE *f;

	trace = calloc((size_t)nbots + 64, sizeof *trace);
	snprintf(path, sizeof path, "%s/trace", dir);
	f = fopen(path, "r");
	if (f == NULL)
		return;
	while (fscanf(f, "%15s %d %d %lld", what, &q, &id, &t) == 4) {
		if (strcmp(what, "longest_us") == 0)
			longest_us = t;
		if (strcmp(what, "longest_cpu_us") == 0)
			longest_cpu_us = t;
		if (strcmp(what, "slow") == 0 && t > slowest) {
			slowest = t;   /* q is the phase it ended in */
			slowest_phase = q;
		}
		if (strcmp(what, "game") == 0 && q >= 1 && q <= ngames)
			g = q - 1;   /* the host's game N begins */
		if (strcmp(what, "slow") == 0 || id < 0 || id >= nbots + 64 ||
		    q < 1 || q > nq)
			continue;
		/* Ids stay the same from game to game: nobody leaves (--games
		 * goes without --chaos). */
		sl = g * nq + q - 1;
		if (strcmp(what, "t0") == 0)
			trace[id][sl].t0 = t;
		else if (strcmp(what, "ack") == 0 && trace[id][sl].ack == 0)
			trace[id][sl].ack = t;
		else if (strcmp(what, "ans") == 0) {
			trace[id][sl].ans = t;
			trace[id][sl].ok = true;
		}
	}
	fclose(f);
}

/* The score of bot b in game g from the trace: the single-player rule on
 * the host's times, streaks as the default config counts them. */
static int
recompute(const struct bot *b, int g)
{
	int q, score = 0, streak = 0;

	for (q = g * nq; q < (g + 1) * nq; q++) {
		const struct tr *r = &trace[b->id][q];
		double t;

		if (!r->ok || b->choice[q] != 1) {
			streak = 0;
			continue;
		}
		t = fmin((double)(r->ans - r->t0) / 1e6, LIMIT_S);
		streak++;
		score += score_points(t, LIMIT_S) +
		    score_streak_bonus(streak, 100, 500);
	}
	return score;
}

static int
results_score(const cJSON *players, const char *nick)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, players)
		if (strcmp(cJSON_GetObjectItemCaseSensitive(p, "nick")
		    ->valuestring, nick) == 0)
			return cJSON_GetObjectItemCaseSensitive(p, "score")
			    ->valueint;
	return -1;
}

static void
row(const char *metric, const char *value, const char *target,
    const char *verdict)
{
	printf("%-44s %-26s %-12s %s\n", metric, value, target, verdict);
}

static const char *
verdict(bool ok)
{
	return ok ? "PASS" : "MISS";
}

/* Where an ack's time goes, from the host's trace on the same clock: the
 * answer's way in (sent -> read by the host), the host's work (read ->
 * ack handed to the kernel), the ack's way out (-> read by the bot). */
static void
ack_parts(double *v)
{
	static const char *names[3] = { "  ack: answer sent -> host read",
	    "  ack: host read -> ack written", "  ack: ack written -> bot read" };
	char val[96];
	int part, i, q, n;

	for (part = 0; part < 3; part++) {
		for (i = n = 0; i < nbots; i++)
			for (q = 0; q < nslot; q++) {
				const struct bot *b = &bots[i];
				const struct tr *r;
				int64_t from, to;

				if (b->id < 0 || !b->ans_sent[q] || !b->ack_at[q] ||
				    b->role != R_NORMAL)
					continue;
				r = &trace[b->id][q];
				if (r->ans == 0 || r->ack == 0)
					continue;
				from = part == 0 ? b->ans_sent[q] : part == 1 ?
				    r->ans : r->ack;
				to = part == 0 ? r->ans : part == 1 ? r->ack :
				    b->ack_at[q];
				v[n++] = (double)(to - from) / 1000;
			}
		snprintf(val, sizeof val, "p50 %.2f p99 %.2f ms", pct(v, n, 0.5),
		    pct(v, n, 0.99));
		row(names[part], val, "-", "info");
	}
}

/* Per game, the host's CPU (first question to podium), RSS and fds at its
 * podium; then whether they stay flat from one game to the next: the same
 * fds, RSS within 2 % from the second game on (the first leaves the
 * allocator warm: the results text, the next game's questions), CPU time
 * within 1.5x of the first game's (a cost that grew with each game would
 * double by the third). */
static void
games_rows(void)
{
	char name[48], val[96];
	double ms[QMAX] = { 0 };
	bool flat = ngames > 1;
	int g;

	if (ngames < 2)
		return;
	for (g = 0; g < ngames; g++) {
		int first = g * nq;
		double wall = (double)(game_wall_end[g] - wall_open[first]);

		ms[g] = (double)(game_cpu_end[g] - cpu_at_open[first]) / 1000;
		snprintf(name, sizeof name, "game %d: host CPU, RSS, fds", g + 1);
		snprintf(val, sizeof val, "%.1f ms = %.2f %%, %ld kB, %ld", ms[g],
		    wall > 0 ? 100 * ms[g] * 1000 / wall : NAN, game_rss[g],
		    game_fds[g]);
		row(name, val, "-", "info");
		if (game_wall_end[g] == 0 || game_rss[g] <= 0 ||
		    game_fds[g] != game_fds[0] ||
		    (g > 1 && game_rss[g] > game_rss[1] + game_rss[1] / 50) ||
		    ms[g] > ms[0] * 1.5)
			flat = false;
	}
	snprintf(name, sizeof name, "%d games flat (CPU, RSS, fds)", ngames);
	snprintf(val, sizeof val, "%+.1f ms, %+ld kB from game 2, %+ld fds",
	    ms[ngames - 1] - ms[0], game_rss[ngames - 1] - game_rss[1],
	    game_fds[ngames - 1] - game_fds[0]);
	row(name, val, "flat", verdict(flat));
}

static void
report(void)
{
	double *v = calloc((size_t)nbots * QMAX + 1, sizeof *v);
	char val[96], path[300], *text;
	int i, q, g, n, welcomed = 0, mism = 0, checked = 0;
	double spread_q = 0, spread_r = 0, cpu = 0, wall = 0;
	cJSON *root, *players;
	FILE *f;
	long sz;

	read_trace();
	for (i = n = 0; i < nbots; i++)
		if (bots[i].welcomed && bots[i].role == R_NORMAL) {
			welcomed++;
			v[n++] = (double)(bots[i].t_welcome - bots[i].t_connect) /
			    1000;
		}
	{
		int normal = 0;

		for (i = 0; i < nbots; i++)
			normal += bots[i].role == R_NORMAL;
		snprintf(val, sizeof val, "%d/%d, p50 %.2f ms", welcomed,
		    normal, pct(v, n, 0.5));
		row("join burst: welcomed, time to welcome", val, "all",
		    verdict(welcomed == normal));
		snprintf(val, sizeof val, "%.2f ms", pct(v, n, 0.99));
		row("  time to welcome p99", val, "-", "info");
	}
	for (q = 0; q < nslot; q++) {
		spread_q = fmax(spread_q, (double)(last_q_at[q] - first_q_at[q]) /
		    1000);
		spread_r = fmax(spread_r, (double)(last_res[q] - first_res[q]) /
		    1000);
		if (cpu_at_open[q] >= 0 && cpu_at_close[q] >= 0 &&
		    wall_close[q] > wall_open[q]) {
			cpu += (double)(cpu_at_close[q] - cpu_at_open[q]) /
			    1e6;
			wall += (double)(wall_close[q] - wall_open[q]) / 1e6;
		}
	}
	snprintf(val, sizeof val, "%.2f ms (worst of %d)", spread_q, nslot);
	row("fan-out spread of a question", val, "<= 5 ms",
	    verdict(spread_q <= 5));
	snprintf(val, sizeof val, "%.2f ms (worst of %d)", spread_r, nslot);
	row("fan-out spread of a result", val, "<= 5 ms",
	    verdict(spread_r <= 5));
	snprintf(val, sizeof val, "%.2f ms (worst of 5)", ref_spread);
	row("  reference: bare server, one line to each", val, "-", "info");
	for (i = n = 0; i < nbots; i++)
		for (q = 0; q < nslot; q++) {
			const struct bot *b = &bots[i];

			if (b->id < 0 || b->q_at[q] == 0 || b->role != R_NORMAL ||
			    trace[b->id][q].t0 == 0)
				continue;
			v[n++] = fabs((double)(b->q_at[q] +
			    (int64_t)b->left_ms[q] * 1000 -
			    (trace[b->id][q].t0 + LIMIT_S * 1000000)) / 1000);
		}
	{
		double p50 = pct(v, n, 0.5), p99 = pct(v, n, 0.99),
		    mx = n ? v[n - 1] : NAN;

		snprintf(val, sizeof val, "p50 %.2f p99 %.2f max %.2f ms",
		    p50, p99, mx);
		row("deadline skew |arrival+left-(t0+T)|", val, "p99 <= 10 ms",
		    verdict(p99 <= 10));
	}
	for (i = n = 0; i < nbots; i++)
		for (q = 0; q < nslot; q++)
			if (bots[i].ans_sent[q] && bots[i].ack_at[q] &&
			    bots[i].role == R_NORMAL)
				v[n++] = (double)(bots[i].ack_at[q] -
				    bots[i].ans_sent[q]) / 1000;
	snprintf(val, sizeof val, "p50 %.2f p99 %.2f ms (n=%d)",
	    pct(v, n, 0.5), pct(v, n, 0.99), n);
	row("ack latency, all answering within ~8 ms", val, "p99 <= 5 ms",
	    verdict(pct(v, n, 0.99) <= 5));
	ack_parts(v);
	{
		static const char *phases[] = { "lobby", "ready", "open",
		    "reveal", "board", "podium" };

		snprintf(val, sizeof val, "%.2f ms%s%s%s", (double)longest_us /
		    1000, slowest_phase >= 0 && slowest_phase < 6 ? " (" : "",
		    slowest_phase >= 0 && slowest_phase < 6 ?
		    phases[slowest_phase] : "", slowest_phase >= 0 &&
		    slowest_phase < 6 ? ")" : "");
	}
	row("host's longest loop iteration", val, "<= 20 ms",
	    verdict(longest_us >= 0 && longest_us <= 20000));
	snprintf(val, sizeof val, "%.2f ms", (double)longest_cpu_us / 1000);
	row("  longest iteration in CPU time", val, "-", "info");
	snprintf(val, sizeof val, "%.1f %% of a core", wall > 0 ?
	    100 * cpu / wall : NAN);
	row("host CPU during questions", val, "<= 10 %",
	    verdict(wall > 0 && 100 * cpu / wall <= 10));
	snprintf(val, sizeof val, "%ld -> %ld kB", rss_kb[0], rss_kb[nslot - 1]);
	row("host RSS, question 1 -> last", val, "flat", "info");
	snprintf(val, sizeof val, "%ld -> %ld", nfds[0], nfds[nslot - 1]);
	row("host fds, question 1 -> last", val, "flat", "info");

	games_rows();
	for (g = 0; g < ngames; g++) {
		/* Game 1's results in results.json, game 2's in
		 * results-2.json..., as the host names them. */
		if (g == 0)
			snprintf(path, sizeof path, "%s/results.json", dir);
		else
			snprintf(path, sizeof path, "%s/results-%d.json", dir,
			    g + 1);
		f = fopen(path, "r");
		if (f == NULL) {
			mism++;   /* a game without its results file */
			continue;
		}
		fseek(f, 0, SEEK_END);
		sz = ftell(f);
		rewind(f);
		text = calloc(1, (size_t)sz + 1);
		if (fread(text, 1, (size_t)sz, f) != (size_t)sz)
			sz = 0;
		fclose(f);
		root = cJSON_Parse(text);
		players = cJSON_GetObjectItemCaseSensitive(root, "players");
		for (i = 0; i < nbots; i++) {
			char nick[16];
			int got;

			if (bots[i].role != R_NORMAL || bots[i].id < 0)
				continue;
			snprintf(nick, sizeof nick, "bot%04d", i);
			got = results_score(players, nick);
			checked++;
			if (got != recompute(&bots[i], g) ||
			    got != bots[i].final_score[g])
				mism++;
		}
		cJSON_Delete(root);
		free(text);
	}
	snprintf(val, sizeof val, "%d of %d differ", mism, checked);
	row("scores = recomputation from host trace", val, "0 differ",
	    verdict(mism == 0 && checked > 0));
	if (chaos) {
		snprintf(val, sizeof val, "%d bad_pin, %d wait", wrong_pin_refusals,
		    wait_refusals);
		row("6 wrong PINs from one address", val, "5 + 1 wait",
		    verdict(wrong_pin_refusals == 5 && wait_refusals == 1));
		{
			int deaf = 0;

			for (i = 0; i < nbots; i++)
				deaf += bots[i].role == R_DEAF;
			snprintf(val, sizeof val, "%d of %d", host_dropped(R_DEAF),
			    deaf);
			row("players that never read, dropped", val, "all",
			    verdict(host_dropped(R_DEAF) == deaf));
		}
	}
	free(v);
}

static void
cleanup(void)
{
	char cmd[400];

	if (host_pid > 0) {
		kill(host_pid, SIGTERM);
		waitpid(host_pid, NULL, 0);
	}
	if (getenv("LIVEBENCH_KEEP") != NULL) {
		/* For a closer look at the host's trace and results. */
		char bp[300];
		FILE *bf;
		int i, q;

		snprintf(bp, sizeof bp, "%s/bots", dir);
		bf = fopen(bp, "w");
		for (i = 0; bf != NULL && i < nbots; i++)
			for (q = 0; q < nslot; q++)
				fprintf(bf, "%d %d %d %lld %lld %lld\n", i,
				    bots[i].id, q + 1,
				    (long long)bots[i].ans_sent[q],
				    (long long)bots[i].ack_at[q],
				    (long long)bots[i].q_at[q]);
		if (bf != NULL)
			fclose(bf);
		printf("kept %s\n", dir);
		return;
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (dir[0] != '\0' && system(cmd) != 0)
		fprintf(stderr, "livebench: could not remove %s\n", dir);
}

int
main(int argc, char **argv)
{
	struct rlimit rl;
	int i, status = 0;
	int64_t t;

	if (argc < 2) {
		fputs("usage: livebench ./termquiz [--bots N] [--chaos] "
		    "[--questions Q] [--games G]\n", stderr);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--bots") == 0 && i + 1 < argc)
			nbots = atoi(argv[++i]);
		else if (strcmp(argv[i], "--questions") == 0 && i + 1 < argc)
			nq = atoi(argv[++i]);
		else if (strcmp(argv[i], "--games") == 0 && i + 1 < argc)
			ngames = atoi(argv[++i]);
		else if (strcmp(argv[i], "--chaos") == 0)
			chaos = true;
	}
	nslot = ngames * nq;
	/* Several games keep every player: chaos makes some leave. */
	if (nbots < 20 || nbots > 5000 || nq < 1 || ngames < 1 ||
	    nslot > QMAX || (chaos && ngames > 1))
		return 2;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)nbots +
	    100) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	signal(SIGPIPE, SIG_IGN);
	bots = calloc((size_t)nbots, sizeof *bots);
	make_files();
	ref_spread = reference_spread(nbots);
	start_host(argv[1]);
	t = now_us();
	run_bots();
	waitpid(host_pid, &status, 0);
	drain_host();
	host_pid = 0;
	{
		double load[1] = { NAN };

		getloadavg(load, 1);
		printf("\nlive game under load (issue #12): %d bots%s over "
		    "loopback, %d game%s of %d questions of %d s, %ld CPUs, "
		    "load average %.1f, %.1f s\n", nbots,
		    chaos ? " with chaos" : "", ngames, ngames > 1 ? "s" : "",
		    nq, LIMIT_S, sysconf(_SC_NPROCESSORS_ONLN), load[0],
		    (double)(now_us() - t) / 1e6);
	}
	printf("%-44s %-26s %-12s %s\n", "metric", "measured", "target",
	    "result");
	report();
	if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status)))
		printf("host exit: %s %d\n", WIFSIGNALED(status) ? "signal" :
		    "status", WIFSIGNALED(status) ? WTERMSIG(status) :
		    WEXITSTATUS(status));
	if ((WIFSIGNALED(status) || WEXITSTATUS(status)) && host_text != NULL)
		printf("host's last words:\n%s\n", host_len > 3000 ?
		    host_text + host_len - 3000 : host_text);
	cleanup();
	return 0;
}
