// SPDX-License-Identifier: GPL-2.0
/*
 * The fault-injection campaign's guest program: runs the driver's exercise in a child process (an
 * oops in a driver call kills only that child), then checks that the kernel still works for
 * everyone else: a process is forked and reaped, a pipe carries bytes, fresh memory is mapped,
 * written and read back. Prints "canary: kernel healthy" or what failed, and exits with the
 * exercise's status. Built with the kit's guest-cc; -DCHARIOT_EXERCISE='"/path/exercise.c"'
 * includes the exercise, whose main becomes exercise_main.
 */
#include <nolibc.h>

#ifdef CHARIOT_EXERCISE
#define main exercise_main
#include CHARIOT_EXERCISE
#undef main
#endif

#define MAPPED (1 << 20)
#define PAGE 4096

static int failures;

static void check(int healthy, const char *what)
{
	if (!healthy) {
		printf("canary: FAILED: %s\n", what);
		failures++;
	}
}

static int run_exercise(int argc, char **argv)
{
#ifdef CHARIOT_EXERCISE
	int status = 0;
	pid_t child = fork();

	if (child == 0)
		exit(((int (*)(int, char **))exercise_main)(argc, argv));
	if (child < 0 || waitpid(child, &status, 0) != child)
		return 126;
	if (!WIFEXITED(status)) {
		printf("canary: the exercise was killed by signal %d\n", status & 0x7f);
		return 128 + (status & 0x7f);
	}
	return WEXITSTATUS(status);
#else
	return 0;
#endif
}

static int fork_and_reap(void)
{
	int status = 0;
	pid_t child = fork();

	if (child == 0)
		exit(42);
	return child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 42;
}

static int pipe_round_trip(void)
{
	int fds[2];
	char back[8] = { 0 };

	if (my_syscall2(__NR_pipe2, fds, 0) != 0)
		return 0;
	return write(fds[1], "chariot", 7) == 7 && read(fds[0], back, 7) == 7 && memcmp(back, "chariot", 7) == 0
	       && close(fds[0]) == 0 && close(fds[1]) == 0;
}

static int map_and_touch(void)
{
	char *memory = mmap(NULL, MAPPED, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int page, intact = 1;

	if (memory == MAP_FAILED)
		return 0;
	for (page = 0; page < MAPPED / PAGE; page++)
		memory[page * PAGE] = (char)page;
	for (page = 0; page < MAPPED / PAGE; page++)
		intact &= memory[page * PAGE] == (char)page;
	return munmap(memory, MAPPED) == 0 && intact;
}

int main(int argc, char **argv)
{
	int status = run_exercise(argc, argv);

	check(fork_and_reap(), "fork a process and reap its exit status");
	check(pipe_round_trip(), "send bytes through a pipe");
	check(map_and_touch(), "map, write and read back 1 MiB");
	if (!failures)
		printf("canary: kernel healthy\n");
	return status;
}
