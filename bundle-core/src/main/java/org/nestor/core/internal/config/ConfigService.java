package org.nestor.core.internal.config;

import org.nestor.core.config.ConfigFormat;
import org.nestor.core.config.EvaluatedConfig;
import org.nestor.core.config.EvaluationContext;
import org.nestor.core.config.KeywordDictionary;
import org.nestor.core.config.ServiceConfig;
import org.nestor.core.config.ServiceConfigs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link ServiceConfigs} over the reader, the writer and the evaluation, with the installed keywords. */
@Component(service = ServiceConfigs.class)
public class ConfigService implements ServiceConfigs {

    private final KeywordDictionary dictionary;

    @Activate
    public ConfigService(@Reference KeywordDictionary dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public ServiceConfig read(String text, String source) {
        return ConfigReader.read(text, source);
    }

    @Override
    public String write(ServiceConfig config, ConfigFormat format) {
        return ConfigWriter.write(config, format);
    }

    @Override
    public String write(EvaluatedConfig config, ConfigFormat format) {
        return ConfigWriter.write(config, format);
    }

    @Override
    public EvaluatedConfig evaluate(String service, ServiceConfig config, EvaluationContext context) {
        return new ConfigEvaluation(service, config, dictionary, context).evaluateAll();
    }
}
