package org.nestor.docker.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.GuestTransport;
import org.nestor.core.spi.LocalFiles;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;

/**
 * Commands and files into a docker container through the Engine API: exec (argv, stdin, exit
 * code, timeout) and the archive API for copies. An engine that cannot be reached answers 255.
 */
final class DockerExec implements GuestTransport {

    private final DockerEndpoint container;
    private final ResourceLog log;

    DockerExec(DockerEndpoint container, ResourceLog log) {
        this.container = container;
        this.log = log;
    }

    @Override
    public CommandResult exec(List<String> argv, byte[] stdin, Duration timeout) {
        DockerClient client;
        String execId;
        try {
            client = container.client();
            execId = container.call(() -> client.execCreateCmd(container.name()).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).withAttachStdin(stdin != null).exec().getId());
        } catch (ResourceException | NotFoundException e) {
            return GuestTransport.cannotJoin(e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> frames = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
            }
        };
        boolean finished;
        try (InputStream input = stdin == null ? null : new ByteArrayInputStream(stdin)) {
            var start = client.execStartCmd(execId);
            if (input != null) {
                start.withStdIn(input);
            }
            finished = start.exec(frames).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } catch (IOException | DockerException e) {
            container.drop();
            return GuestTransport.cannotJoin("exec in " + container.name() + ": " + e.getMessage());
        } finally {
            closeQuietly(frames);
        }
        InspectExecResponse ended;
        try {
            ended = container.call(() -> client.inspectExecCmd(execId).exec());
        } catch (ResourceException | NotFoundException e) {
            return new CommandResult(UNJOINABLE, out.toString(StandardCharsets.UTF_8), e.getMessage(), false);
        }
        if (!finished || Boolean.TRUE.equals(ended.isRunning())) {
            killExec(ended);
            return new CommandResult(-1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    true);
        }
        Long exit = ended.getExitCodeLong();
        return new CommandResult(exit == null ? -1 : exit.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), false);
    }

    /**
     * The API cannot kill an exec: on a local engine its process (and what it started) is killed
     * by host pid; a remote one is left to finish and said so in the log.
     */
    private void killExec(InspectExecResponse exec) {
        Long pid = exec.getPidLong();
        if (pid == null || pid <= 0 || !container.host().startsWith("unix://")) {
            log.warn("exec in " + container.name() + " timed out and cannot be killed through " + container.host());
            return;
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Override
    public void copyIn(Path local, String guestPath) throws ResourceException {
        String name = container.name();
        int slash = guestPath.lastIndexOf('/');
        if (slash < 0 || slash == guestPath.length() - 1) {
            throw new ResourceException("copy to " + name + ": '" + guestPath + "' is not an absolute file path");
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream archive = new TarArchiveOutputStream(tar)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(guestPath.substring(slash + 1));
            entry.setSize(Files.size(local));
            entry.setMode(0644);
            archive.putArchiveEntry(entry);
            Files.copy(local, archive);
            archive.closeArchiveEntry();
        } catch (IOException e) {
            throw new ResourceException("cannot read " + local + ": " + e.getMessage(), e);
        }
        DockerClient client = container.client();
        String directory = slash == 0 ? "/" : guestPath.substring(0, slash);
        try {
            container.call(() -> client.copyArchiveToContainerCmd(name).withRemotePath(directory)
                    .withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec());
        } catch (ResourceException | NotFoundException e) {
            throw new ResourceException("copy of " + local + " to " + name + ":" + guestPath + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void copyOut(String guestPath, Path local) throws ResourceException {
        String name = container.name();
        DockerClient client = container.client();
        try (InputStream stream = container.call(() -> client.copyArchiveFromContainerCmd(name, guestPath).exec());
             TarArchiveInputStream archive = new TarArchiveInputStream(stream)) {
            TarArchiveEntry entry = archive.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new ResourceException(name + ":" + guestPath + " is not a file");
            }
            LocalFiles.replace(local, temporary -> Files.copy(archive, temporary, StandardCopyOption.REPLACE_EXISTING));
        } catch (ResourceException | NotFoundException e) {
            throw new ResourceException("copy of " + name + ":" + guestPath + " to " + local + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ResourceException("copy of " + name + ":" + guestPath + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the exec ended; its stream closing badly changes nothing
        }
    }
}
