package org.nestor.core.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.config.ServiceConfigs;
import org.nestor.core.pool.Cluster;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.store.StoreException;

/**
 * Base of the {@code svc:*} commands. The same classes run in the Karaf console and in
 * {@code bin/nestor}, which injects these references itself.
 */
public abstract class SvcCommandSupport implements Action {

    /** How the configuration read from standard input is named in errors. */
    static final String STDIN = "-";

    @Reference
    protected ServiceStore store;

    @Reference
    protected KeywordDictionary keywords;

    @Reference
    protected ServiceConfigs configs;

    @Reference
    protected NodeIdentity node;

    @Reference
    protected ServiceActions actions;

    @Reference
    protected Cluster cluster;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    protected abstract void run(PrintStream out) throws Exception;

    /** Reads a configuration (INI or JSON) from a file, or from standard input for "-". */
    protected ServiceConfig readConfig(String file) {
        try {
            if (STDIN.equals(file)) {
                return configs.read(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
            }
            return configs.read(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            throw new StoreException(file + ": no such file");
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
