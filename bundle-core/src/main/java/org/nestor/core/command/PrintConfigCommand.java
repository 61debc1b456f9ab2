package org.nestor.core.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.nestor.core.config.ConfigFormat;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.ServiceConfig;

@Service
@Command(scope = "svc", name = "print-config",
        description = "Prints a service's configuration, as written or evaluated for this node")
public class PrintConfigCommand extends ServiceCommandSupport {

    @Option(name = "--eval", description = "Resolve scopes, inheritance, references and expressions")
    boolean eval;

    @Option(name = "--impersonate", description = "With --eval: evaluate as this node would")
    String impersonate;

    @Option(name = "--format", description = "ini (default) or json")
    @Completion(value = StringsCompleter.class, values = {"ini", "json"})
    String format = "ini";

    @Override
    protected void run(PrintStream out) {
        ConfigFormat outputFormat = ConfigFormat.of(format);
        if (impersonate != null && !eval) {
            throw new IllegalArgumentException("--impersonate goes with --eval");
        }
        ServiceConfig config = store.read(service);
        if (eval) {
            out.print(configs.write(configs.evaluate(service, config, EvaluationContext.of(node, impersonate)),
                    outputFormat));
        } else {
            out.print(configs.write(config, outputFormat));
        }
    }
}
