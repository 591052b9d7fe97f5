package org.capacityhub.assessment.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.capacityhub.assessment.domain.HeatMapService;
import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A programme's heat map (organisations × sections, latest final assessment per organisation): the page with its
 * filters, a CSV export and the API. Programme coordinators and administrators only.
 */
@Controller
class HeatMapController {

    private final HeatMapService heatMaps;

    HeatMapController(HeatMapService heatMaps) {
        this.heatMaps = heatMaps;
    }

    @GetMapping("/assessments/heat-map")
    String page(@RequestParam(required = false) Long programme, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String country, @RequestParam(required = false) String type,
            Model model) {
        List<Directory.ProgrammeSummary> programmes = heatMaps.programmes();
        List<Frameworks.FrameworkVersionRef> versions = heatMaps.frameworkVersions();
        model.addAttribute("programmes", programmes);
        model.addAttribute("versions", versions);
        Long chosenProgramme = programme != null ? programme
                : programmes.isEmpty() ? null : programmes.get(0).id();
        Long chosenVersion = version != null ? version
                : versions.stream().filter(v -> v.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT))
                        .map(Frameworks.FrameworkVersionRef::versionId).findFirst()
                        .orElse(versions.isEmpty() ? null : versions.get(0).versionId());
        if (chosenProgramme != null && chosenVersion != null) {
            model.addAttribute("heatMap", heatMaps.heatMap(chosenProgramme, chosenVersion, country, type));
        }
        return "assessment/heat-map";
    }

    @GetMapping("/assessments/heat-map.csv")
    ResponseEntity<byte[]> csv(@RequestParam long programme, @RequestParam long version,
            @RequestParam(required = false) String country, @RequestParam(required = false) String type) {
        HeatMapService.HeatMap map = heatMaps.heatMap(programme, version, country, type);
        return ExportController.send(csv(map), ExportController.CSV, "heat-map-programme-" + programme + ".csv",
                false);
    }

    static byte[] csv(HeatMapService.HeatMap map) {
        List<String> header = new ArrayList<>(List.of("organisation_id", "organisation", "country", "type",
                "assessment_id", "held_on"));
        map.sections().forEach(s -> header.add(s.label()));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(header.stream().map(ReportExports::neutralise)
                        .toArray(String[]::new)).get())) {
            for (HeatMapService.Row row : map.rows()) {
                List<Object> cells = new ArrayList<>(List.of(row.organisationId(),
                        ReportExports.neutralise(row.organisationName()), row.countryCode(), row.type(),
                        row.assessmentId() == null ? "" : row.assessmentId(),
                        row.heldOn() == null ? "" : row.heldOn().toString()));
                row.cells().forEach(c -> cells.add(c.levelTitle() == null ? "" : ReportExports.neutralise(
                        c.levelTitle())));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The heat map over REST. */
    @RestController
    @Tag(name = "Assessments")
    static class Api {

        private final HeatMapService heatMaps;

        Api(HeatMapService heatMaps) {
            this.heatMaps = heatMaps;
        }

        @GetMapping(value = "/api/v1/programmes/{programmeId}/heat-map", produces = MediaType.APPLICATION_JSON_VALUE)
        @Operation(summary = "A programme's heat map: for each member organisation (optionally of one country "
                + "and/or type), the level per section of its latest final assessment against a framework version "
                + "(programme coordinators and administrators)")
        HeatMapService.HeatMap heatMap(@PathVariable long programmeId, @RequestParam long frameworkVersion,
                @RequestParam(required = false) String country, @RequestParam(required = false) String type) {
            return heatMaps.heatMap(programmeId, frameworkVersion, country, type);
        }
    }
}
