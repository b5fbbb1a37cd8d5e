package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's one door to Quartz: tasks that run at a fixed rate, each never overlapping itself.
 * The schedule comes from the configuration and the database at every start, so Quartz keeps it in memory; the
 * state the tasks work on lives in the database.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    /** A task that is told when it was meant to run. */
    @FunctionalInterface
    public interface Task {
        void run(Instant scheduledAt) throws Exception;
    }

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final int threads;
    private org.quartz.Scheduler quartz;

    /** Nothing is created until the first task is scheduled or the scheduler starts. */
    public Scheduler(int threads) {
        this.threads = threads;
    }

    private synchronized org.quartz.Scheduler quartz() {
        if (quartz != null) {
            return quartz;
        }
        Properties properties = new Properties();
        // A unique name: tests start several Vigils in one JVM, and Quartz keys schedulers by name.
        properties.setProperty("org.quartz.scheduler.instanceName", "vigil-" + UUID.randomUUID());
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        try {
            quartz = new StdSchedulerFactory(properties).getScheduler();
            quartz.setJobFactory((bundle, scheduler) -> new TaskJob(tasks.get(bundle.getJobDetail().getKey().getName())));
            return quartz;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the task every interval, first after firstDelay. A run that is missed because the
     * previous one overran is skipped rather than run late in a burst.
     */
    public void every(String name, Duration interval, Duration firstDelay, Task task) {
        tasks.put(name, task);
        try {
            quartz().scheduleJob(
                    JobBuilder.newJob(TaskJob.class).withIdentity(name).build(),
                    TriggerBuilder.newTrigger().withIdentity(name)
                            .startAt(Date.from(Instant.now().plus(firstDelay)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(interval.toMillis())
                                    .repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops scheduling the task; a run in progress finishes. Safe while the scheduler runs, and a
     * no-op for an unknown name. Rescheduling a task is cancel then {@link #every}.
     */
    public void cancel(String name) {
        try {
            quartz().deleteJob(JobKey.jobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot cancel " + name + ": " + e.getMessage(), e);
        }
        tasks.remove(name);
    }

    public void start() {
        try {
            quartz().start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** The names of the tasks scheduled so far. */
    public Set<String> names() {
        return Set.copyOf(tasks.keySet());
    }

    public synchronized boolean isRunning() {
        try {
            return quartz != null && quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops scheduling and waits for running tasks, so a check in flight is recorded before the database closes. */
    @Override
    public void close() {
        org.quartz.Scheduler created;
        synchronized (this) {
            created = quartz;
        }
        if (created == null) {
            return;
        }
        try {
            created.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    @DisallowConcurrentExecution
    static final class TaskJob implements Job {
        private final Task task;

        TaskJob(Task task) {
            this.task = task;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String name = context.getJobDetail().getKey().getName();
            if (task == null) {
                return; // cancelled between the trigger firing and this run
            }
            try {
                task.run(context.getScheduledFireTime().toInstant());
            } catch (Exception e) {
                // A failing task must not kill its schedule; it runs again at its next time.
                log.error("Task {} failed: {}", name, e.toString(), e);
            }
        }
    }
}
