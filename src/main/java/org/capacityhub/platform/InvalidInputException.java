package org.capacityhub.platform;

/**
 * Input the domain refuses (400). Pages show the message beside the field; the API answers with a problem
 * document naming the field.
 */
public class InvalidInputException extends UserFacingException {

    public InvalidInputException(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
