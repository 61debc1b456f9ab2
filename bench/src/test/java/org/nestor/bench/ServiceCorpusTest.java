package org.nestor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nestor.core.config.EvaluatedConfig;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.internal.config.ConfigEvaluation;
import org.nestor.core.internal.config.ConfigReader;
import org.nestor.core.internal.config.DriverRegistry;

/** The benchmark must measure valid services fully evaluated, not an early error path. */
class ServiceCorpusTest {

    @Test
    void generatedServicesAreValidAndEvaluateFully() {
        DriverRegistry dictionary = new DriverRegistry();
        dictionary.addDriver(new AppDriver());
        EvaluationContext hv1 = new EvaluationContext("hv1", List.of("hv1"), List.of(), name -> null);
        String text = ServiceCorpus.service(7, 20);
        ServiceConfig config = ConfigReader.read(text, "svc7.conf");
        assertEquals(List.of(), dictionary.validate(config));
        EvaluatedConfig evaluated = new ConfigEvaluation("svc7", config, dictionary, hv1).evaluateAll();
        assertEquals(22, evaluated.sections().size());
        assertEquals("/usr/bin/app --port 8026 --root /srv/svc7/19 --node hv1", evaluated.get("app#19", "start"));
        assertEquals(List.of("NODE=hv1", "RANK=19", "NODES=3", "FIRST=HV1"), evaluated.get("app#19", "environment"));
        assertEquals(45L, evaluated.get("app#3", "timeout"));
        assertEquals(false, evaluated.get("app#3", "optional"));
    }
}
